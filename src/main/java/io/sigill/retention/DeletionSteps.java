package io.sigill.retention;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.identity.Members;
import io.sigill.identity.Role;
import io.sigill.notification.Mailer;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentVault;
import io.sigill.vault.LetGo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The automatic steps of the data-deletion process; each safe to run again after a retry. */
@Component
class DeletionSteps {

  private final DeletionRequestRepository requests;
  private final DeletionItemRepository items;
  private final DocumentVault vault;
  private final LegalHolds holds;
  private final DocumentScopes scopes;
  private final AuditTrail auditTrail;
  private final Mailer mailer;
  private final Members members;
  private final IdentityService identityService;
  private final DeletionConfirmations confirmations;
  private final String baseUrl;

  DeletionSteps(DeletionRequestRepository requests, DeletionItemRepository items, DocumentVault vault,
      LegalHolds holds, DocumentScopes scopes, AuditTrail auditTrail, Mailer mailer, Members members,
      IdentityService identityService, DeletionConfirmations confirmations,
      @Value("${sigill.base-url}") String baseUrl) {
    this.requests = requests;
    this.items = items;
    this.vault = vault;
    this.holds = holds;
    this.scopes = scopes;
    this.auditTrail = auditTrail;
    this.mailer = mailer;
    this.members = members;
    this.identityService = identityService;
    this.confirmations = confirmations;
    this.baseUrl = baseUrl;
  }

  @Transactional
  void reject(String deletionId, String decidedBy) {
    DeletionRequest request = load(deletionId);
    if (request.getStatus() == DeletionStatus.PENDING_APPROVAL) {
      request.decided(false, decidedBy == null ? Actor.SYSTEM : decidedBy, LegalHolds.now());
      request.forgetSubject();
      auditTrail.record(AuditEventType.DELETION_REJECTED, deletionId, request.getOrgId(), actor(decidedBy), Map.of());
    }
  }

  /**
   * Lets go of every document not yet done, for the party the request speaks for: the org, or a
   * signer (a data subject). A document under legal hold or retention is deferred with the reason,
   * and the refusal audited; the vault refuses too, should a hold land meanwhile. A document other
   * parties still hold loses only this party's access; the last party's letting go crypto-shreds it.
   * Returns whether any document is still deferred.
   */
  @Transactional
  boolean deleteDocuments(String deletionId, String decidedBy) {
    DeletionRequest request = load(deletionId);
    Instant now = LegalHolds.now();
    if (request.getStatus() == DeletionStatus.PENDING_APPROVAL) {
      request.decided(true, decidedBy == null ? Actor.SYSTEM : decidedBy, now);
      auditTrail.record(AuditEventType.DELETION_APPROVED, deletionId, request.getOrgId(), actor(decidedBy), Map.of());
    }
    String actor = DeletionRequest.DATA_SUBJECT.equals(request.getRequestedBy()) ? Actor.SYSTEM
        : actor(request.getRequestedBy());
    boolean anyDeferred = false;
    for (DeletionItem item : items.findByKeyDeletionIdOrderByKeyDocumentId(deletionId)) {
      if (item.getOutcome() == ItemOutcome.DELETED || item.getOutcome() == ItemOutcome.ACCESS_REMOVED) {
        continue;
      }
      String party = item.partyOf(request.getOrgId());
      Optional<DocumentVault.Holding> holding = vault.holding(item.getDocumentId(), request.getOrgId());
      String reason = holding.map(h -> lockReason(item.getDocumentId(), h, now)).orElse(null);
      if (reason != null) {
        anyDeferred = true;
        if (item.getOutcome() != ItemOutcome.DEFERRED || !reason.equals(item.getReason())) {
          item.settle(ItemOutcome.DEFERRED, reason, now);
          auditTrail.record(AuditEventType.DELETION_DEFERRED, deletionId, request.getOrgId(), Actor.SYSTEM,
              Map.of("documentId", item.getDocumentId(), "reason", reason));
        }
        continue;
      }
      LetGo outcome = holding.isEmpty() ? LetGo.NOT_HELD
          : vault.letGo(item.getDocumentId(), request.getOrgId(), party, actor, AccessContext.system());
      if (outcome == LetGo.NOT_HELD) {
        // Already let go (a retry after the commit, or another request): say what is true now.
        boolean othersHold = holding.isPresent() && holding.get().parties().stream().anyMatch(p -> !p.equals(party));
        outcome = othersHold ? LetGo.ACCESS_REMOVED : LetGo.SHREDDED;
      }
      item.settle(outcome == LetGo.SHREDDED ? ItemOutcome.DELETED : ItemOutcome.ACCESS_REMOVED,
          outcome == LetGo.SHREDDED ? null : "kept for the other parties to it", now);
    }
    return anyDeferred;
  }

  /**
   * Personal data of requests none of whose documents is held any more by anyone: their subjects'
   * audit keys are destroyed and the people's names and addresses purged from the request rows.
   * While another party keeps a copy, the record of who signed it stays with that copy.
   */
  @Transactional
  void erasePersonalData(String deletionId) {
    DeletionRequest request = load(deletionId);
    Set<String> touched = items.findByKeyDeletionIdOrderByKeyDocumentId(deletionId).stream()
        .map(DeletionItem::getRequestId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    Set<String> gone = new java.util.TreeSet<>();
    if (!touched.isEmpty()) {
      Map<String, Boolean> allGone = new HashMap<>();
      for (RetainedDocuments.ScopedDocument d : scopes.documentsOf(request.getOrgId(), touched)) {
        allGone.merge(d.requestId(), vault.holding(d.documentId(), request.getOrgId()).isEmpty(), Boolean::logicalAnd);
      }
      touched.stream().filter(r -> allGone.getOrDefault(r, true)).forEach(gone::add);
    }
    List<String> subjects = scopes.subjectsOf(request.getOrgId(), gone);
    subjects.forEach(auditTrail::eraseSubject);
    scopes.purgePersonalData(request.getOrgId(), gone);
    if (!subjects.isEmpty()) {
      auditTrail.record(AuditEventType.SUBJECT_ERASED, deletionId, request.getOrgId(), Actor.SYSTEM,
          Map.of("subjects", subjects.size()));
    }
  }

  /** Emails the link that confirms a data subject's request; once, whatever the retries. */
  @Transactional
  void emailConfirmation(String deletionId) {
    DeletionRequest request = load(deletionId);
    String key = "deletion-confirmation:" + deletionId;
    if (request.getSubjectEmail() == null || mailer.isRecorded(key)) {
      return;
    }
    String token = confirmations.issue(deletionId, LegalHolds.now());
    String link = baseUrl + "/privacy/confirm/" + token;
    String org = members.orgName(request.getOrgId()).orElse("an organisation using Sigill");
    mailer.send(key, request.getSubjectEmail(), "Sigill: confirm the deletion of your data",
        """
        Someone, hopefully you, asked Sigill to delete your copies of documents signed with %s and your personal data.
        To confirm, open this link within 7 days and press the button:

        %s

        If it was not you, ignore this email: nothing is deleted without the confirmation.
        """.formatted(org, link));
  }

  /** The link was never confirmed: the request ends and the address is forgotten. */
  @Transactional
  void lapse(String deletionId) {
    DeletionRequest request = load(deletionId);
    if (request.getStatus() == DeletionStatus.PENDING_CONFIRMATION) {
      request.lapsed(LegalHolds.now());
      auditTrail.record(AuditEventType.DELETION_REJECTED, deletionId, request.getOrgId(), Actor.SYSTEM,
          Map.of("reason", "not confirmed"));
    }
  }

  /** Emails the certificate to the requester (or, for retention, the org admins); once per outcome. */
  @Transactional
  void emailCertificate(String deletionId) {
    DeletionRequest request = load(deletionId);
    List<DeletionItem> all = items.findByKeyDeletionIdOrderByKeyDocumentId(deletionId);
    long deferred = all.stream().filter(i -> i.getOutcome() == ItemOutcome.DEFERRED).count();
    String key = "deletion-certificate:" + deletionId + ":" + deferred;
    byte[] pdf = DeletionCertificate.render(request, all, LegalHolds.now());
    String subject = "Sigill: deletion certificate for request " + deletionId;
    String body = """
        Your deletion request %s has been processed: %d document(s) deleted, %d deferred.
        The attached certificate lists each document and, for deferred ones, why it is kept for now.
        """.formatted(deletionId, all.size() - deferred, deferred);
    for (String to : recipients(request)) {
      mailer.send(key + ":" + Integer.toHexString(to.hashCode()), to, subject, body, null,
          new Mailer.Attachment("deletion-certificate-" + deletionId + ".pdf", "application/pdf", pdf));
    }
  }

  @Transactional
  void complete(String deletionId, boolean anyDeferred) {
    DeletionRequest request = load(deletionId);
    if (request.getStatus() == DeletionStatus.COMPLETED) {
      return;
    }
    request.finished(anyDeferred, LegalHolds.now());
    if (!anyDeferred) {
      request.forgetSubject();
      long deleted = items.findByKeyDeletionIdOrderByKeyDocumentId(deletionId).size();
      auditTrail.record(AuditEventType.DELETION_COMPLETED, deletionId, request.getOrgId(), Actor.SYSTEM,
          Map.of("documents", deleted));
    }
  }

  private String lockReason(String documentId, DocumentVault.Holding holding, Instant now) {
    if (holds.isHeld(documentId) || holding.info().legalHold()) {
      return "under legal hold";
    }
    // The vault judges by the wall clock; never ask it to delete what it would refuse, since a
    // refusal inside this job's transaction would roll back the outcomes recorded so far.
    Instant earliest = now.isBefore(Instant.now()) ? now : Instant.now();
    Instant retainUntil = holding.info().retainUntil();
    if (retainUntil != null && retainUntil.isAfter(earliest)) {
      return "retained until " + retainUntil;
    }
    return null;
  }

  private List<String> recipients(DeletionRequest request) {
    if (request.getSubjectEmail() != null) {
      return List.of(request.getSubjectEmail());
    }
    if (!Actor.SYSTEM.equals(request.getRequestedBy())) {
      User user = identityService.createUserQuery().userId(request.getRequestedBy()).singleResult();
      if (user != null && user.getEmail() != null && Mailer.isValidAddress(user.getEmail())) {
        return List.of(user.getEmail());
      }
    }
    return members.emailsOf(request.getOrgId(), Role.ORG_ADMIN);
  }


  private DeletionRequest load(String deletionId) {
    return requests.findById(deletionId).orElseThrow();
  }

  private static String actor(String userId) {
    return userId == null ? Actor.SYSTEM : Actor.user(userId);
  }
}
