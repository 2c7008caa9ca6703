package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DELETION_DOCUMENTS_RELEASED;
import static io.sigill.retention.RetentionProcessVariables.DOCUMENT_ID;
import static io.sigill.retention.RetentionProcessVariables.DOCUMENT_RELEASED;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.vault.DocumentVault;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The automatic steps of the legal-hold process; each safe to run again after a retry. */
@Component
class LegalHoldSteps {

  private final LegalHoldRepository holds;
  private final DocumentVault vault;
  private final AuditTrail auditTrail;
  private final RuntimeService runtimeService;
  private final DeletionItemRepository deletionItems;

  LegalHoldSteps(LegalHoldRepository holds, DocumentVault vault, AuditTrail auditTrail, RuntimeService runtimeService,
      DeletionItemRepository deletionItems) {
    this.holds = holds;
    this.deletionItems = deletionItems;
    this.vault = vault;
    this.auditTrail = auditTrail;
    this.runtimeService = runtimeService;
  }

  /** Approved: the hold becomes active and every covered document is locked in the vault (and S3). */
  @Transactional
  void apply(String holdId, String approvedBy) {
    LegalHold hold = holds.findById(holdId).orElseThrow();
    if (hold.getStatus() != LegalHoldStatus.PENDING_APPROVAL) {
      return;
    }
    hold.approve(approvedBy == null ? Actor.SYSTEM : approvedBy, LegalHolds.now());
    int locked = 0;
    for (LegalHold.Item item : hold.getItems()) {
      if (setHold(item.documentId(), hold.getOrgId(), true)) {
        locked++;
      }
    }
    auditTrail.record(AuditEventType.LEGAL_HOLD_APPLIED, holdId, hold.getOrgId(), actor(approvedBy),
        Map.of("documents", locked));
  }

  @Transactional
  void reject(String holdId, String rejectedBy) {
    LegalHold hold = holds.findById(holdId).orElseThrow();
    if (hold.getStatus() == LegalHoldStatus.PENDING_APPROVAL) {
      hold.reject(rejectedBy == null ? Actor.SYSTEM : rejectedBy, LegalHolds.now());
      auditTrail.record(AuditEventType.LEGAL_HOLD_REJECTED, holdId, hold.getOrgId(), actor(rejectedBy), Map.of());
    }
  }

  @Transactional
  void keepActive(String holdId, String decidedBy) {
    LegalHold hold = holds.findById(holdId).orElseThrow();
    if (hold.getStatus() == LegalHoldStatus.RELEASE_PENDING) {
      hold.releaseRefused();
      auditTrail.record(AuditEventType.LEGAL_HOLD_RELEASE_REFUSED, holdId, hold.getOrgId(), actor(decidedBy), Map.of());
    }
  }

  /**
   * Release approved: the hold ends; a document stays locked while another active hold covers it.
   * Processes waiting for the document (retention, deferred deletions) are woken up.
   */
  @Transactional
  void lift(String holdId, String approvedBy) {
    LegalHold hold = holds.findById(holdId).orElseThrow();
    if (hold.getStatus() == LegalHoldStatus.RELEASED) {
      return;
    }
    hold.released(LegalHolds.now());
    holds.flush();
    Set<String> released = new TreeSet<>();
    for (LegalHold.Item item : hold.getItems()) {
      if (holds.countHolding(item.documentId(), LegalHolds.LOCKING) == 0) {
        setHold(item.documentId(), hold.getOrgId(), false);
        runtimeService.createMessageCorrelation(DOCUMENT_RELEASED)
            .processInstanceVariableEquals(DOCUMENT_ID, item.documentId())
            .correlateAll();
        deletionItems.findByKeyDocumentIdAndOutcome(item.documentId(), ItemOutcome.DEFERRED).stream()
            .map(DeletionItem::getDeletionId).forEach(released::add);
      }
    }
    // Deletions waiting for these documents go on now, not at their next daily check.
    for (String deletionId : released) {
      runtimeService.createMessageCorrelation(DELETION_DOCUMENTS_RELEASED)
          .processInstanceBusinessKey(deletionId)
          .correlateAll();
    }
    auditTrail.record(AuditEventType.LEGAL_HOLD_RELEASED, holdId, hold.getOrgId(), actor(approvedBy),
        Map.of("documents", hold.getItems().size()));
  }

  /** A document deleted before the hold was approved has nothing left to lock. */
  private boolean setHold(String documentId, String orgId, boolean on) {
    if (!SystemAccess.exists(vault, documentId, orgId)) {
      return false;
    }
    vault.setLegalHold(documentId, orgId, on);
    return true;
  }

  private static String actor(String userId) {
    return userId == null ? Actor.SYSTEM : Actor.user(userId);
  }
}
