package io.sigill.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One party's share of a document: while the row exists, the party may read it (promise P4). */
@Entity
@Table(name = "vault_party")
class VaultParty {

  @EmbeddedId
  private Key key;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  protected VaultParty() {}

  VaultParty(String documentId, String party, Instant now) {
    this.key = new Key(documentId, party);
    this.grantedAt = now;
  }

  /** Composite key: the document and the party. */
  @Embeddable
  record Key(@Column(name = "document_id", length = 36) String documentId,
      @Column(name = "party", length = 80) String party) implements Serializable {}

  String getParty() {
    return key.party();
  }
}
