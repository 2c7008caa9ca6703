package io.sigill.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;

/**
 * One stored version of a document's bytes and its wrapped data key. Deleting this row destroys
 * the only wrapped copy of the key: that is the crypto-shred.
 */
@Entity
@Table(name = "vault_object")
class VaultObject {

  /** Also the blob key: random, so nothing about the document shows in storage. */
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "document_id", nullable = false, length = 36)
  private String documentId;

  @Column(nullable = false)
  private int version;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(nullable = false)
  private int pages;

  @Column(name = "kek_id", nullable = false, length = 300)
  private String kekId;

  @Column(name = "wrapped_key", nullable = false, length = 1024)
  private String wrappedKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected VaultObject() {}

  VaultObject(String id, String documentId, int version, long sizeBytes, String sha256, int pages,
      String kekId, byte[] wrappedKey, Instant createdAt) {
    this.id = id;
    this.documentId = documentId;
    this.version = version;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.pages = pages;
    this.createdAt = createdAt;
    rewrapped(kekId, wrappedKey);
  }

  void rewrapped(String kekId, byte[] wrappedKey) {
    this.kekId = kekId;
    this.wrappedKey = Base64.getEncoder().encodeToString(wrappedKey);
  }

  byte[] wrappedKey() {
    return Base64.getDecoder().decode(wrappedKey);
  }

  String getId() {
    return id;
  }

  String getDocumentId() {
    return documentId;
  }

  int getVersion() {
    return version;
  }

  long getSizeBytes() {
    return sizeBytes;
  }

  String getSha256() {
    return sha256;
  }

  int getPages() {
    return pages;
  }

  String getKekId() {
    return kekId;
  }
}
