package io.sigill.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One document of a deletion request and what became of it. */
@Entity
@Table(name = "deletion_item")
class DeletionItem {

  @EmbeddedId
  private Key key;

  @Column(name = "request_id", length = 36)
  private String requestId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ItemOutcome outcome;

  @Column(length = 300)
  private String reason;

  /** The party letting go: null for the org, {@code signer:<id>} for a signer's copy. */
  @Column(length = 80)
  private String party;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected DeletionItem() {}

  DeletionItem(String deletionId, String documentId, String requestId, Instant now) {
    this.key = new Key(deletionId, documentId);
    this.requestId = requestId;
    this.outcome = ItemOutcome.PENDING;
    this.updatedAt = now;
  }

  DeletionItem(String deletionId, String documentId, String requestId, String party, Instant now) {
    this(deletionId, documentId, requestId, now);
    this.party = party;
  }

  /** The vault party whose share goes: the signer's, or else the org's. */
  String partyOf(String orgId) {
    return party != null ? party : io.sigill.vault.Parties.org(orgId);
  }

  /** Composite key: the deletion request and the document. */
  @Embeddable
  record Key(@Column(name = "deletion_id", length = 36) String deletionId,
      @Column(name = "document_id", length = 36) String documentId) implements Serializable {}

  void settle(ItemOutcome outcome, String reason, Instant at) {
    this.outcome = outcome;
    this.reason = reason;
    this.updatedAt = at;
  }

  String getDeletionId() {
    return key.deletionId();
  }

  String getDocumentId() {
    return key.documentId();
  }

  String getRequestId() {
    return requestId;
  }

  ItemOutcome getOutcome() {
    return outcome;
  }

  String getReason() {
    return reason;
  }
}
