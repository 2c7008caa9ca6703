package io.sigill.vault;

/** An uploaded file the vault will not take; the message names the reason in plain words. */
public class DocumentRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a file was refused; {@link #code()} is the machine-readable form in the problem detail. */
  public enum Reason {
    NOT_A_PDF("not-a-pdf"),
    TRUNCATED("truncated"),
    BROKEN("broken"),
    ENCRYPTED("encrypted"),
    TOO_LARGE("too-large"),
    TOO_MANY_PAGES("too-many-pages"),
    DECOMPRESSION_BOMB("decompression-bomb");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;

  public DocumentRejectedException(Reason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
