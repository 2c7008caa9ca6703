package io.sigill.retention;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.vault.DocumentVault;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The automatic steps of the retention process; each safe to run again after a retry. */
@Component
class RetentionSteps {

  private final Retention retention;
  private final DocumentVault vault;
  private final LegalHolds holds;
  private final DeletionRequests deletions;
  private final AuditTrail auditTrail;

  RetentionSteps(Retention retention, DocumentVault vault, LegalHolds holds, DeletionRequests deletions,
      AuditTrail auditTrail) {
    this.retention = retention;
    this.vault = vault;
    this.holds = holds;
    this.deletions = deletions;
    this.auditTrail = auditTrail;
  }

  /** Locks the document until the end of the org's retention period (mirrored to S3) and returns that end. */
  @Transactional
  Instant lockForRetention(String requestId, String documentId, String orgId) {
    int years = retention.yearsFor(orgId);
    Instant until = LegalHolds.now().atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    // Deleted meanwhile: the timer still runs out and the deletion finds nothing to delete.
    if (SystemAccess.exists(vault, documentId, orgId)) {
      vault.setRetentionUntil(documentId, orgId, until);
    }
    auditTrail.record(AuditEventType.RETENTION_STARTED, requestId, orgId, Actor.SYSTEM,
        Map.of("documentId", documentId, "years", years, "retainUntil", until.toString()));
    return until;
  }

  boolean isHeld(String documentId) {
    return holds.isHeld(documentId);
  }

  /** The period is over: the app-level lock ends here (Object Lock retention has expired by itself). */
  @Transactional
  String startDeletion(String requestId, String documentId, String orgId) {
    if (SystemAccess.exists(vault, documentId, orgId)) {
      vault.setRetentionUntil(documentId, orgId, null);
    }
    return deletions.startForRetention(orgId, requestId, documentId);
  }
}
