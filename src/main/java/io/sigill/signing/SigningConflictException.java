package io.sigill.signing;

/** A request in a state that does not allow the action, e.g. cancelling a completed request (409). */
class SigningConflictException extends RuntimeException {
  SigningConflictException(String detail) {
    super(detail);
  }
}
