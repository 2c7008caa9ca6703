package io.sigill.audit;

import io.sigill.vault.DocumentAccessRefused;
import io.sigill.vault.DocumentAccessRemoved;
import io.sigill.vault.DocumentDeletionRefused;
import io.sigill.vault.DocumentEvent;
import io.sigill.vault.DocumentIntegrityFailed;
import io.sigill.vault.DocumentRead;
import io.sigill.vault.DocumentShredded;
import io.sigill.vault.DocumentStored;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the vault's document events into the audit trail, in the vault's transaction: a document's
 * events form the chain of its id. A refused read goes to the chain {@code access-refusals:<org>}
 * of the caller's org instead: the refused caller must not add to (or learn about) the owner's
 * chain, and an unknown id must not create a chain of its own.
 */
@Component
class DocumentAccessRecorder {

  static final String REFUSALS_PREFIX = "access-refusals:";

  private final AuditTrail trail;

  DocumentAccessRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void on(DocumentEvent event) {
    if (event instanceof DocumentAccessRefused e) {
      trail.recordLater(AuditEventType.DOCUMENT_ACCESS_REFUSED, REFUSALS_PREFIX + (e.orgId() == null ? "none" : e.orgId()),
          e.orgId(), e.actor(), Map.of("documentId", e.documentId()), e.ip(), e.userAgent());
      return;
    }
    AuditEventType type;
    if (event instanceof DocumentStored) {
      type = AuditEventType.DOCUMENT_UPLOADED;
    } else if (event instanceof DocumentRead) {
      type = AuditEventType.DOCUMENT_DOWNLOADED;
    } else if (event instanceof DocumentShredded) {
      type = AuditEventType.DOCUMENT_DELETED;
    } else if (event instanceof DocumentAccessRemoved) {
      type = AuditEventType.DOCUMENT_ACCESS_REMOVED;
    } else if (event instanceof DocumentDeletionRefused) {
      type = AuditEventType.DELETION_REFUSED;
    } else if (event instanceof DocumentIntegrityFailed) {
      type = AuditEventType.DOCUMENT_INTEGRITY_FAILED;
    } else {
      throw new IllegalStateException("Unknown document event " + event.getClass().getSimpleName());
    }
    record(type, event);
  }

  private void record(AuditEventType type, DocumentEvent e) {
    trail.recordLater(type, e.documentId(), e.orgId(), e.actor(), Map.of("documentId", e.documentId(), "version", e.version()),
        e.ip(), e.userAgent());
  }
}
