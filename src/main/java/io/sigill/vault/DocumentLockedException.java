package io.sigill.vault;

/** A document under legal hold or retention cannot be deleted; answered as 409. */
public class DocumentLockedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DocumentLockedException(String detail) {
    super(detail);
  }
}
