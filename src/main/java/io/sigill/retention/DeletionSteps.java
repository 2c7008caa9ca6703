package io.sigill.retention;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.identity.Members;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.notification.Mailer;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentInfo;
import io.sigill.vault.DocumentReader;
import io.sigill.vault.DocumentVault;
import io.sigill.web.NotFoundException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The automatic steps of the data-deletion process; each safe to run again after a retry. */
@Component
class DeletionSteps {

  private static final String GONE = "gone";

  private final DeletionRequestRepository requests;
  private final DeletionItemRepository items;
  private final DocumentVault vault;
  private final LegalHolds holds;
  private final DocumentScopes scopes;
  private final AuditTrail auditTrail;
  private final Mailer mailer;
  private final Members members;
  private final IdentityService identityService;

  DeletionSteps(DeletionRequestRepository requests, DeletionItemRepository items, DocumentVault vault,
      LegalHolds holds, DocumentScopes scopes, AuditTrail auditTrail, Mailer mailer, Members members,
      IdentityService identityService) {
    this.requests = requests;
    this.items = items;
    this.vault = vault;
    this.holds = holds;
    this.scopes = scopes;
    this.auditTrail = auditTrail;
    this.mailer = mailer;
    this.members = members;
    this.identityService = identityService;
  }

  @Transactional
  void reject(String deletionId, String decidedBy) {
    DeletionRequest request = load(deletionId);
    if (request.getStatus() == DeletionStatus.PENDING_APPROVAL) {
      request.decided(false, decidedBy == null ? Actor.SYSTEM : decidedBy, LegalHolds.now());
      auditTrail.record(AuditEventType.DELETION_REJECTED, deletionId, request.getOrgId(), actor(decidedBy), Map.of());
    }
  }

  /**
   * Deletes every document not yet deleted. A document under legal hold or retention is deferred
   * with the reason, and the refusal audited; the vault refuses too, should a hold land meanwhile.
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
    // The process deletes on behalf of the org; the vault's own checks (org, locks) still apply.
    SigillUser deleter = SystemAccess.orgAdmin(request.getOrgId());
    boolean anyDeferred = false;
    for (DeletionItem item : items.findByKeyDeletionIdOrderByKeyDocumentId(deletionId)) {
      if (item.getOutcome() == ItemOutcome.DELETED || item.getOutcome() == ItemOutcome.ACCESS_REMOVED) {
        continue;
      }
      String reason = lockReason(item.getDocumentId(), deleter, now);
      if (GONE.equals(reason)) {
        reason = null; // already gone: a retry after the shred committed, or deleted by another request
      } else if (reason == null) {
        vault.shred(item.getDocumentId(), deleter, AccessContext.system());
      }
      if (reason == null) {
        item.settle(ItemOutcome.DELETED, null, now);
      } else {
        anyDeferred = true;
        if (item.getOutcome() != ItemOutcome.DEFERRED || !reason.equals(item.getReason())) {
          item.settle(ItemOutcome.DEFERRED, reason, now);
          auditTrail.record(AuditEventType.DELETION_DEFERRED, deletionId, request.getOrgId(), Actor.SYSTEM,
              Map.of("documentId", item.getDocumentId(), "reason", reason));
        }
      }
    }
    return anyDeferred;
  }

  /** Personal data of requests whose documents are all gone: their subjects' audit keys are destroyed. */
  @Transactional
  void erasePersonalData(String deletionId) {
    DeletionRequest request = load(deletionId);
    Map<String, Boolean> requestGone = new HashMap<>();
    for (DeletionItem item : items.findByKeyDeletionIdOrderByKeyDocumentId(deletionId)) {
      if (item.getRequestId() != null) {
        requestGone.merge(item.getRequestId(), item.getOutcome() == ItemOutcome.DELETED, Boolean::logicalAnd);
      }
    }
    Set<String> gone = requestGone.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
    List<String> subjects = scopes.subjectsOf(request.getOrgId(), gone);
    subjects.forEach(auditTrail::eraseSubject);
    if (!subjects.isEmpty()) {
      auditTrail.record(AuditEventType.SUBJECT_ERASED, deletionId, request.getOrgId(), Actor.SYSTEM,
          Map.of("subjects", subjects.size()));
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
      long deleted = items.findByKeyDeletionIdOrderByKeyDocumentId(deletionId).size();
      auditTrail.record(AuditEventType.DELETION_COMPLETED, deletionId, request.getOrgId(), Actor.SYSTEM,
          Map.of("documents", deleted));
    }
  }

  private String lockReason(String documentId, SigillUser deleter, Instant now) {
    if (holds.isHeld(documentId)) {
      return "under legal hold";
    }
    try {
      DocumentInfo info = vault.describe(documentId, new DocumentReader.Member(deleter));
      if (info.legalHold()) {
        return "under legal hold";
      }
      // The vault judges by the wall clock; never ask it to shred what it would refuse, since a
      // refusal inside this job's transaction would roll back the outcomes recorded so far.
      Instant earliest = now.isBefore(Instant.now()) ? now : Instant.now();
      if (info.retainUntil() != null && info.retainUntil().isAfter(earliest)) {
        return "retained until " + info.retainUntil();
      }
      return null;
    } catch (NotFoundException e) {
      return GONE;
    }
  }

  private List<String> recipients(DeletionRequest request) {
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
