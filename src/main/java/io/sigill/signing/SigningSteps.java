package io.sigill.signing;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.audit.PersonalValue;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.notification.MailTemplates;
import io.sigill.notification.Mailer;
import io.sigill.retention.Retention;
import io.sigill.sealing.SealedDocument;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentContent;
import io.sigill.vault.DocumentInfo;
import io.sigill.vault.DocumentReader;
import io.sigill.vault.DocumentVault;
import io.sigill.vault.Parties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic steps of the signature-request process. Each is safe to run again after a retry:
 * mails go through {@link Mailer} dedupe keys, state changes check the current status first.
 */
@Component
class SigningSteps {

  private final SignatureRequestRepository requests;
  private final SignerRepository signers;
  private final SignerTokens tokens;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final AuditTrail auditTrail;
  private final DocumentVault vault;
  private final IdentityService identityService;
  private final String baseUrl;
  private final Webhooks webhooks;
  private final RequestSealing sealing;
  private final Retention retention;

  SigningSteps(SignatureRequestRepository requests, SignerRepository signers, SignerTokens tokens, Mailer mailer,
      MailTemplates templates, AuditTrail auditTrail, DocumentVault vault, IdentityService identityService,
      @Value("${sigill.base-url}") String baseUrl, Webhooks webhooks, RequestSealing sealing, Retention retention) {
    this.webhooks = webhooks;
    this.sealing = sealing;
    this.retention = retention;
    this.requests = requests;
    this.signers = signers;
    this.tokens = tokens;
    this.mailer = mailer;
    this.templates = templates;
    this.auditTrail = auditTrail;
    this.vault = vault;
    this.identityService = identityService;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** "Email signing link": one invitation per signer, with a fresh token. */
  @Transactional
  void emailSigningLink(String signerId) {
    Signer signer = signers.findById(signerId).orElseThrow();
    SignatureRequest request = signer.getRequest();
    String key = "signing-link:" + signerId;
    if (!request.isOpen() || signer.getStatus().hasActed()) {
      return;
    }
    Instant now = now();
    if (!mailer.isRecorded(key)) {
      sendLink(key, "signing-invitation", "Please sign: ", signer, request, now);
    }
    // Also after a retry whose first run sent the mail (and committed the record) but then failed.
    if (signer.getStatus() == SignerStatus.WAITING) {
      signer.notified(now);
      auditTrail.recordLater(AuditEventType.SIGNER_NOTIFIED, request.getId(), request.getOrgId(), Actor.SYSTEM,
          Map.of("signerId", signerId, "kind", "invitation"));
    }
  }

  /** "Email reminder": one mail per reminder firing (the firing's execution id is in the key). */
  @Transactional
  void emailReminder(String signerId, String firingId) {
    Signer signer = signers.findById(signerId).orElseThrow();
    SignatureRequest request = signer.getRequest();
    String key = "signing-reminder:" + signerId + ":" + firingId;
    if (!request.isLiveAt(now()) || signer.getStatus().hasActed() || mailer.isRecorded(key)) {
      return;
    }
    sendLink(key, "signing-reminder", "Reminder, please sign: ", signer, request, now());
    auditTrail.recordLater(AuditEventType.SIGNER_NOTIFIED, request.getId(), request.getOrgId(), Actor.SYSTEM,
        Map.of("signerId", signerId, "kind", "reminder"));
  }

  private void sendLink(String key, String template, String subjectPrefix, Signer signer, SignatureRequest request,
      Instant now) {
    String token = tokens.issue(signer.getId(), request.getId(), now, mailer.leavesBeforeCommit());
    Map<String, Object> vars = new HashMap<>();
    vars.put("signerName", signer.getName());
    vars.put("senderName", senderName(request));
    vars.put("title", request.getTitle());
    vars.put("message", request.getMessage());
    vars.put("link", baseUrl + "/sign/" + token);
    vars.put("expiresAt", request.getExpiresAt());
    MailTemplates.Rendered mail = templates.render(template, vars);
    mailer.send(key, signer.getEmail(), subject(subjectPrefix, request), mail.text(), mail.html(), null);
  }

  /**
   * "Seal document": stamps the field values, appends the certificate of completion and applies the
   * PAdES seal (sealing records DOCUMENT_SEALED with the sealed hash), then stores the sealed PDF as
   * a new vault document: the final version. The vault's rows join this transaction, so a failed
   * step leaves no second copy behind (at most an unreadable blob without key); a retry after
   * success finds the final id and seals nothing again.
   */
  @Transactional
  void seal(String requestId) {
    SignatureRequest request = requests.findById(requestId).orElseThrow();
    if (request.getFinalDocumentId() == null) {
      SigillUser onBehalfOf = senderAsUser(request);
      DocumentInfo stored;
      try (DocumentContent original = vault.open(request.getDocumentId(), new DocumentReader.Member(onBehalfOf),
              AccessContext.system());
          SealedDocument sealed = sealing.seal(request, original.stream(), original.info().sha256(), baseUrl + "/verify");
          InputStream in = sealed.open()) {
        stored = vault.store(onBehalfOf, "signed-" + requestId + ".pdf", in, AccessContext.system());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      request.sealed(stored.id());
      // Every signer keeps a copy (promise P4): the bytes stay until the org and each signer let go.
      vault.share(stored.id(), request.getOrgId(),
          request.getSigners().stream().map(signer -> Parties.signer(signer.getId())).toList());
      retention.startFor(requestId, stored.id(), request.getOrgId());
    }
    if (request.getStatus() == SignatureRequestStatus.SENT) {
      request.end(SignatureRequestStatus.COMPLETED, now());
      auditTrail.recordLater(AuditEventType.REQUEST_COMPLETED, requestId, request.getOrgId(), Actor.SYSTEM,
          Map.of("finalDocumentId", request.getFinalDocumentId()));
      webhooks.emit(request, Webhooks.Event.COMPLETED, null);
    }
  }

  /** "Email completed copy": the final PDF to every signer and CC, once each. */
  @Transactional
  void emailCompletedCopy(String requestId) {
    SignatureRequest request = requests.findById(requestId).orElseThrow();
    Map<String, String> recipients = new java.util.LinkedHashMap<>();
    for (Signer s : request.getSigners()) {
      recipients.put("completed-copy:" + requestId + ":signer:" + s.getId(), s.getEmail());
    }
    List<String> cc = request.getCc();
    for (int i = 0; i < cc.size(); i++) {
      recipients.put("completed-copy:" + requestId + ":cc:" + i, cc.get(i));
    }
    recipients.keySet().removeAll(mailer.recordedAmong(recipients.keySet()));
    if (recipients.isEmpty()) {
      return;
    }
    byte[] pdf = read(request.getFinalDocumentId(), senderAsUser(request));
    Map<String, Object> vars = new HashMap<>();
    vars.put("title", request.getTitle());
    vars.put("senderName", senderName(request));
    MailTemplates.Rendered mail = templates.render("signing-completed", vars);
    Mailer.Attachment attachment = new Mailer.Attachment("signed-" + requestId + ".pdf", "application/pdf", pdf);
    recipients.forEach((key, to) ->
        mailer.send(key, to, subject("Completed: ", request), mail.text(), mail.html(), attachment));
  }

  /** "Email decline notice": the sender and every signer learn that the request was declined. */
  @Transactional
  void emailDeclineNotice(String requestId) {
    SignatureRequest request = requests.findById(requestId).orElseThrow();
    Signer decliner = request.getSigners().stream()
        .filter(s -> s.getStatus() == SignerStatus.DECLINED).findFirst().orElse(null);
    Map<String, Object> vars = new HashMap<>();
    vars.put("title", request.getTitle());
    vars.put("declinerName", decliner == null ? "A signer" : decliner.getName());
    vars.put("reason", decliner == null ? null : decliner.getDeclineReason());
    MailTemplates.Rendered mail = templates.render("signing-declined", vars);
    String senderEmail = senderEmail(request);
    if (senderEmail != null && Mailer.isValidAddress(senderEmail)) {
      mailer.send("declined:" + requestId + ":sender", senderEmail, subject("Declined: ", request), mail.text(),
          mail.html(), null);
    }
    for (Signer s : request.getSigners()) {
      if (s.getStatus() != SignerStatus.WAITING) {
        mailer.send("declined:" + requestId + ":signer:" + s.getId(), s.getEmail(), subject("Declined: ", request),
            mail.text(), mail.html(), null);
      }
    }
  }

  /** "Email cancellation notice": signers who were emailed a link and have not acted learn it is void. */
  @Transactional
  void emailCancellationNotice(String requestId) {
    SignatureRequest request = requests.findById(requestId).orElseThrow();
    Map<String, Object> vars = new HashMap<>();
    vars.put("title", request.getTitle());
    vars.put("senderName", senderName(request));
    MailTemplates.Rendered mail = templates.render("signing-cancelled", vars);
    for (Signer s : request.getSigners()) {
      if (s.getStatus() == SignerStatus.NOTIFIED || s.getStatus() == SignerStatus.VIEWED) {
        mailer.send("cancelled:" + requestId + ":signer:" + s.getId(), s.getEmail(), subject("Cancelled: ", request),
            mail.text(), mail.html(), null);
      }
    }
  }

  /** "Record expiry": an open request past its expiry date ends EXPIRED. */
  @Transactional
  void recordExpiry(String requestId) {
    SignatureRequest request = requests.findById(requestId).orElseThrow();
    if (request.isOpen()) {
      request.end(SignatureRequestStatus.EXPIRED, now());
      auditTrail.recordLater(AuditEventType.REQUEST_EXPIRED, requestId, request.getOrgId(), Actor.SYSTEM,
          Map.of("expiresAt", request.getExpiresAt().toString()));
      webhooks.emit(request, Webhooks.Event.EXPIRED, null);
    }
  }

  private byte[] read(String documentId, SigillUser onBehalfOf) {
    try (DocumentContent content = vault.open(documentId, new DocumentReader.Member(onBehalfOf), AccessContext.system())) {
      return content.stream().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The vault has no system reader yet: the process reads and stores on behalf of the request's sender.
  private static SigillUser senderAsUser(SignatureRequest request) {
    return new SigillUser(request.getCreatedBy(), request.getOrgId(), Set.of(Role.SENDER.groupId()));
  }

  private String senderName(SignatureRequest request) {
    User user = identityService.createUserQuery().userId(request.getCreatedBy()).singleResult();
    if (user == null) {
      return request.getCreatedBy();
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? request.getCreatedBy() : name;
  }

  private String senderEmail(SignatureRequest request) {
    User user = identityService.createUserQuery().userId(request.getCreatedBy()).singleResult();
    return user == null ? null : user.getEmail();
  }

  private static String subject(String prefix, SignatureRequest request) {
    String subject = prefix + request.getTitle();
    return subject.length() > 200 ? subject.substring(0, 199) + "…" : subject;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static PersonalValue personal(String signerId, String value) {
    return new PersonalValue(Actor.signer(signerId), value);
  }
}
