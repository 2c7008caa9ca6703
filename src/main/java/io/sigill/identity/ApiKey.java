package io.sigill.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A per-user API key; only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_key")
class ApiKey {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "org_id", nullable = false, length = 36)
  private String orgId;

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 16)
  private String prefix;

  @Column(name = "secret_hash", nullable = false, length = 64, unique = true)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiKey() {}

  ApiKey(String orgId, String userId, String name, String prefix, String secretHash) {
    this.id = UUID.randomUUID().toString();
    this.orgId = orgId;
    this.userId = userId;
    this.name = name;
    this.prefix = prefix;
    this.secretHash = secretHash;
    this.createdAt = Instant.now();
  }

  void markUsed(Instant when) {
    this.lastUsedAt = when;
  }

  void revoke(Instant when) {
    if (revokedAt == null) {
      revokedAt = when;
    }
  }

  boolean isActive() {
    return revokedAt == null;
  }

  String getId() {
    return id;
  }

  String getOrgId() {
    return orgId;
  }

  String getUserId() {
    return userId;
  }

  String getName() {
    return name;
  }

  String getPrefix() {
    return prefix;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getLastUsedAt() {
    return lastUsedAt;
  }
}
