package io.sigill.signing;

/** Where one signer stands: waiting for an earlier group, emailed, link opened, or done. */
public enum SignerStatus {
  WAITING,
  NOTIFIED,
  VIEWED,
  SIGNED,
  DECLINED;

  boolean hasActed() {
    return this == SIGNED || this == DECLINED;
  }
}
