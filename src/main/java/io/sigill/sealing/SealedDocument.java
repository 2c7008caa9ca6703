package io.sigill.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A sealed PDF in a temporary file, to be stored through the vault and then closed (which deletes
 * the file). Its hash is already recorded in the audit trail as {@code DOCUMENT_SEALED}.
 */
public record SealedDocument(Path file, String sha256, long sizeBytes, Instant sealedAt, boolean timestamped)
    implements AutoCloseable {

  /** The sealed bytes. */
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
