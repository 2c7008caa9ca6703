package io.sigill.retention;

/** A hold or deletion request in a state that does not allow the action (409). */
class RetentionConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RetentionConflictException(String detail) {
    super(detail);
  }
}
