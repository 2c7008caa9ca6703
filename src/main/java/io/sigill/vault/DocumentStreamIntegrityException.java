package io.sigill.vault;

import java.io.IOException;

/**
 * A document's stored bytes failed their integrity check while they were being streamed, after
 * some of the plaintext had already been read. What was read is a prefix, never the whole
 * document, and must be discarded. The vault has already logged the failure and recorded
 * {@link DocumentIntegrityFailed}; a web response carrying the stream must be aborted, not ended
 * normally (see {@link VaultExceptionHandler}).
 */
public class DocumentStreamIntegrityException extends IOException {

  private static final long serialVersionUID = 1L;

  public DocumentStreamIntegrityException(String detail) {
    super(detail);
  }
}
