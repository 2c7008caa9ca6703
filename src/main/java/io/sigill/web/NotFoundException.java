package io.sigill.web;

/** Something does not exist or belongs to another org: both answer 404 so ids reveal nothing. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String detail) {
    super(detail);
  }
}
