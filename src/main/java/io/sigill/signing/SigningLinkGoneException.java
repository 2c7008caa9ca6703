package io.sigill.signing;

/** A signing link that worked once but no longer does: used, expired or the request ended (410). */
class SigningLinkGoneException extends RuntimeException {
  SigningLinkGoneException(String detail) {
    super(detail);
  }
}
