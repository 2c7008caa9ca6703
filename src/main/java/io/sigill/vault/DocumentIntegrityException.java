package io.sigill.vault;

/** Stored bytes failed authentication or their checksum; nothing of them was served. */
public class DocumentIntegrityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DocumentIntegrityException(String detail) {
    super(detail);
  }
}
