package io.sigill.sealing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A sealed PDF, in memory or (when large) in a temporary file, to be stored through the vault and
 * then closed, which releases it and deletes the file. Its hash is already recorded in the audit
 * trail as {@code DOCUMENT_SEALED}.
 */
public final class SealedDocument implements AutoCloseable {

  private final SealSpool content;
  private final String sha256;
  private final long sizeBytes;
  private final Instant sealedAt;
  private final boolean timestamped;

  SealedDocument(SealSpool content, String sha256, long sizeBytes, Instant sealedAt, boolean timestamped) {
    this.content = content;
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.sealedAt = sealedAt;
    this.timestamped = timestamped;
  }

  /** The sealed bytes; may be opened more than once until the document is closed. */
  public InputStream open() throws IOException {
    return content.open();
  }

  /** Hex SHA-256 of the sealed bytes. */
  public String sha256() {
    return sha256;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public Instant sealedAt() {
    return sealedAt;
  }

  /** Whether the seal carries a time stamp of a time-stamp authority (PAdES B-T). */
  public boolean timestamped() {
    return timestamped;
  }

  @Override
  public void close() {
    try {
      content.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "SealedDocument[sha256=" + sha256 + ", sizeBytes=" + sizeBytes + ", sealedAt=" + sealedAt
        + ", timestamped=" + timestamped + "]";
  }
}
