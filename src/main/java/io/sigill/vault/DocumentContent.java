package io.sigill.vault;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A document's plaintext, to be streamed once and closed. Closing removes the local ciphertext
 * copy it decrypts from.
 *
 * <p>Every byte the stream returns has been authenticated. When {@code verifiedWhole} is true the
 * whole document was verified before the first byte; otherwise (large documents) it is verified
 * segment by segment as it is read, and an integrity failure ends the stream with
 * {@link DocumentStreamIntegrityException}: what was read until then is not the document. A web
 * response must then be aborted, which is why such a stream is sent without a Content-Length.
 */
public record DocumentContent(DocumentInfo info, InputStream stream, boolean verifiedWhole) implements Closeable {

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
