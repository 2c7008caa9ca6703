package io.sigill.signing;

/** Where a signature request stands; only SENT is open, every other status is final. */
public enum SignatureRequestStatus {
  SENT,
  COMPLETED,
  DECLINED,
  EXPIRED,
  CANCELED
}
