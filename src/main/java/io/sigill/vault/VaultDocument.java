package io.sigill.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A document in the vault: who owns it and its locks. Its bytes live in {@link VaultObject}s. */
@Entity
@Table(name = "vault_document")
class VaultDocument {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "org_id", nullable = false, length = 36)
  private String orgId;

  @Column(name = "file_name", nullable = false, length = 200)
  private String fileName;

  @Column(name = "current_version", nullable = false)
  private int currentVersion;

  @Column(name = "legal_hold", nullable = false)
  private boolean legalHold;

  @Column(name = "retain_until")
  private Instant retainUntil;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected VaultDocument() {}

  VaultDocument(String id, String orgId, String fileName, String createdBy, Instant createdAt) {
    this.id = id;
    this.orgId = orgId;
    this.fileName = fileName;
    this.currentVersion = 1;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  boolean isLocked(Instant now) {
    return legalHold || (retainUntil != null && retainUntil.isAfter(now));
  }

  void setLegalHold(boolean legalHold) {
    this.legalHold = legalHold;
  }

  void setRetainUntil(Instant retainUntil) {
    this.retainUntil = retainUntil;
  }

  String getId() {
    return id;
  }

  String getOrgId() {
    return orgId;
  }

  String getFileName() {
    return fileName;
  }

  int getCurrentVersion() {
    return currentVersion;
  }

  boolean isLegalHold() {
    return legalHold;
  }

  Instant getRetainUntil() {
    return retainUntil;
  }

  String getCreatedBy() {
    return createdBy;
  }

  Instant getCreatedAt() {
    return createdAt;
  }
}
