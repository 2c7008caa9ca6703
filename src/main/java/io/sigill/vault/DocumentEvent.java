package io.sigill.vault;

import java.time.Instant;

/**
 * What the vault tells the audit trail, published as Spring application events inside the
 * transaction that records the fact, so a listener's audit row commits or rolls back with it.
 */
public sealed interface DocumentEvent
    permits DocumentStored, DocumentRead, DocumentAccessRefused, DocumentIntegrityFailed, DocumentShredded,
        DocumentDeletionRefused, DocumentAccessRemoved {

  /** The org of the caller (for refusals) or of the document; null for an unknown signer. */
  String orgId();

  String documentId();

  /** The document version concerned; 0 when the refused caller must not learn it. */
  int version();

  /** A user id, or {@code signer:<id>} for a signer acting through a token. */
  String actor();

  String ip();

  String userAgent();

  Instant occurredAt();
}
