package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.EXPIRES_AT;
import static io.sigill.signing.SigningProcessVariables.MESSAGE_CANCELLED;
import static io.sigill.signing.SigningProcessVariables.MESSAGE_REMIND;
import static io.sigill.signing.SigningProcessVariables.ORG_ID;
import static io.sigill.signing.SigningProcessVariables.PROCESS_KEY;
import static io.sigill.signing.SigningProcessVariables.REMINDER_CYCLE;
import static io.sigill.signing.SigningProcessVariables.SIGNATURE_REQUEST_ID;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentContent;
import io.sigill.vault.DocumentInfo;
import io.sigill.vault.DocumentReader;
import io.sigill.vault.DocumentVault;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's use cases: send a document for signature, follow it, cancel it, remind signers,
 * download it. Each loads the request scoped to the caller's org (another org's id is not found),
 * checks the role, guards the status, and changes state and audit trail in one transaction.
 */
@Service
public class SignatureRequests {

  private static final Logger log = LoggerFactory.getLogger(SignatureRequests.class);
  static final int PAGE_SIZE = 50;

  private final SignatureRequestRepository requests;
  private final DocumentVault vault;
  private final RuntimeService runtimeService;
  private final AuditTrail auditTrail;
  private final SigningSettings settings;
  private final TransactionTemplate tx;
  private final Webhooks webhooks;

  SignatureRequests(SignatureRequestRepository requests, DocumentVault vault, RuntimeService runtimeService,
      AuditTrail auditTrail, SigningSettings settings, PlatformTransactionManager transactionManager,
      Webhooks webhooks) {
    this.webhooks = webhooks;
    this.requests = requests;
    this.vault = vault;
    this.runtimeService = runtimeService;
    this.auditTrail = auditTrail;
    this.settings = settings;
    this.tx = new TransactionTemplate(transactionManager);
  }

  /** The PDF to send, as a source that can be read more than once (a spooled upload). */
  interface Upload {
    String fileName();

    InputStream open() throws IOException;
  }

  /**
   * Validates the request, stores the PDF in the vault, records the request and starts its
   * process. Invalid input is refused before anything is stored.
   */
  SignatureRequestView create(SigillUser sender, NewSignatureRequest form, Upload file, AccessContext ctx) {
    if (!sender.hasAnyRole(Role.SENDER, Role.ORG_ADMIN)) {
      throw new AccessDeniedException("Only senders and org admins send documents for signature");
    }
    form.validate(null);
    if (file == null) {
      throw new InvalidRequestException("The signature request is invalid: file: a PDF is required");
    }
    Integer pages = PdfPages.countOrNull(file);
    if (pages != null) {
      form.validate(pages);
    }
    DocumentInfo document;
    try (InputStream in = file.open()) {
      document = vault.store(sender, file.fileName(), in, ctx);
    } catch (IOException e) {
      throw new InvalidRequestException("The file could not be read");
    }
    form.validate(document.pages());
    try {
      return tx.execute(s -> record(sender, form, document, ctx));
    } catch (RuntimeException e) {
      log.error("Document {} was stored but its signature request could not be recorded", document.id());
      throw e;
    }
  }

  private SignatureRequestView record(SigillUser sender, NewSignatureRequest form, DocumentInfo document,
      AccessContext ctx) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int expiresInDays = form.expiresInDays() == null ? settings.expiresInDays() : form.expiresInDays();
    int reminderEveryDays = form.reminderEveryDays() == null ? settings.reminderEveryDays() : form.reminderEveryDays();
    Instant expiresAt = now.plus(Duration.ofDays(expiresInDays));
    SignatureRequest request = new SignatureRequest(sender.orgId(), sender.userId(), form.title().strip(),
        form.message() == null || form.message().isBlank() ? null : form.message().strip(), document.id(),
        reminderEveryDays, expiresAt, now);
    List<Signer> signers = new java.util.ArrayList<>();
    for (int i = 0; i < form.signers().size(); i++) {
      NewSignatureRequest.NewSigner s = form.signers().get(i);
      signers.add(request.addSigner(s.name().strip(), s.email(), form.orderOf(i)));
    }
    if (form.fields() != null) {
      for (NewSignatureRequest.NewField f : form.fields()) {
        request.addField(signers.get(f.signer()), FieldType.ofJsonName(f.type()).orElseThrow(), f.page(), f.x(), f.y(),
            f.width(), f.height(), f.required() == null || f.required());
      }
    }
    if (form.cc() != null) {
      form.cc().forEach(request::addCc);
    }
    requests.saveAndFlush(request);
    String actor = Actor.user(sender.userId());
    auditTrail.recordLater(AuditEventType.REQUEST_CREATED, request.getId(), sender.orgId(), actor,
        Map.of("documentId", document.id(), "sha256", document.sha256(), "signers", signers.size(),
            "fields", request.getFields().size(), "expiresAt", expiresAt.toString()),
        ctx.ip(), ctx.userAgent());
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, request.getId(),
        Map.of(SIGNATURE_REQUEST_ID, request.getId(),
            ORG_ID, sender.orgId(),
            EXPIRES_AT, expiresAt.toString(),
            REMINDER_CYCLE, "R/P" + reminderEveryDays + "D"));
    auditTrail.recordLater(AuditEventType.REQUEST_SENT, request.getId(), sender.orgId(), actor, Map.of());
    webhooks.emit(request, Webhooks.Event.SENT, null);
    return SignatureRequestView.of(request);
  }

  @Transactional(readOnly = true)
  public SignatureRequestView find(String id, SigillUser viewer) {
    return SignatureRequestView.of(visible(id, viewer));
  }

  @Transactional(readOnly = true)
  List<SignatureRequestView.Summary> list(SigillUser viewer, SignatureRequestStatus status, int page) {
    requireReader(viewer);
    PageRequest pageable = PageRequest.of(Math.max(0, page), PAGE_SIZE);
    var found = status == null
        ? requests.findByOrgIdOrderByCreatedAtDesc(viewer.orgId(), pageable)
        : requests.findByOrgIdAndStatusOrderByCreatedAtDesc(viewer.orgId(), status, pageable);
    return found.map(SignatureRequestView.Summary::of).toList();
  }

  /** Cancels an open request: status and audit first, then the process ends at its cancel event. */
  @Transactional
  public SignatureRequestView cancel(String id, SigillUser user, AccessContext ctx) {
    SignatureRequest request = visible(id, user);
    requireManager(request, user);
    if (!request.isOpen()) {
      throw new SigningConflictException("Only open requests can be cancelled; this one is " + request.getStatus());
    }
    if (request.allSigned()) {
      throw new SigningConflictException("Every signer has signed; the request is being completed and cannot be cancelled");
    }
    request.end(SignatureRequestStatus.CANCELED, ClockUtil.getCurrentTime().toInstant());
    requests.flush();
    auditTrail.recordLater(AuditEventType.REQUEST_CANCELLED, id, request.getOrgId(), Actor.user(user.userId()), Map.of(),
        ctx.ip(), ctx.userAgent());
    runtimeService.createMessageCorrelation(MESSAGE_CANCELLED).processInstanceBusinessKey(id).correlate();
    webhooks.emit(request, Webhooks.Event.CANCELED, null);
    return SignatureRequestView.of(request);
  }

  /** Emails a reminder to every signer currently waiting (the process sends it as its own step). */
  @Transactional
  public int remind(String id, SigillUser user) {
    SignatureRequest request = visible(id, user);
    requireManager(request, user);
    if (!request.isOpen()) {
      throw new SigningConflictException("Only open requests can be reminded; this one is " + request.getStatus());
    }
    List<MessageCorrelationResult> results =
        runtimeService.createMessageCorrelation(MESSAGE_REMIND).processInstanceBusinessKey(id).correlateAllWithResult();
    if (results.isEmpty()) {
      throw new SigningConflictException("No signer is waiting for a reminder right now");
    }
    return results.size();
  }

  /** The original upload, or the final (completed) document once the request is completed. */
  DocumentContent document(String id, String version, SigillUser user, AccessContext ctx) {
    String documentId = tx.execute(s -> {
      SignatureRequest request = visible(id, user);
      if (version == null || version.equals("original")) {
        return request.getDocumentId();
      }
      if (!version.equals("final")) {
        throw new InvalidRequestException("version: must be original or final");
      }
      if (request.getStatus() != SignatureRequestStatus.COMPLETED || request.getFinalDocumentId() == null) {
        throw new SigningConflictException("The final document exists once every signer has signed");
      }
      return request.getFinalDocumentId();
    });
    return vault.open(documentId, new DocumentReader.Member(user), ctx);
  }

  private SignatureRequest visible(String id, SigillUser user) {
    requireReader(user);
    return requests.findByIdAndOrgId(id, user.orgId())
        .orElseThrow(() -> new NotFoundException("No such signature request"));
  }

  private static void requireReader(SigillUser user) {
    if (!user.hasAnyRole(Role.SENDER, Role.ORG_ADMIN, Role.COMPLIANCE)) {
      throw new AccessDeniedException("Only senders, org admins and compliance see signature requests");
    }
  }

  private static void requireManager(SignatureRequest request, SigillUser user) {
    if (!user.hasRole(Role.ORG_ADMIN) && !(user.hasRole(Role.SENDER) && user.userId().equals(request.getCreatedBy()))) {
      throw new AccessDeniedException("Only the sender of a request or an org admin may change it");
    }
  }
}
