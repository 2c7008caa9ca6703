package io.sigill.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One emailed link of a signer, kept only as the SHA-256 of its token. */
@Entity
@Table(name = "signer_token")
class SignerToken {

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "signer_id", nullable = false, length = 36)
  private String signerId;

  @Column(name = "request_id", nullable = false, length = 36)
  private String requestId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SignerToken() {}

  SignerToken(String tokenHash, String signerId, String requestId, Instant createdAt) {
    this.tokenHash = tokenHash;
    this.signerId = signerId;
    this.requestId = requestId;
    this.createdAt = createdAt;
  }

  String getSignerId() {
    return signerId;
  }

  String getRequestId() {
    return requestId;
  }
}
