package io.sigill.vault;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A document's verified plaintext, to be streamed once and closed. Closing removes the local
 * ciphertext copy it decrypts from.
 */
public record DocumentContent(DocumentInfo info, InputStream stream) implements Closeable {

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
