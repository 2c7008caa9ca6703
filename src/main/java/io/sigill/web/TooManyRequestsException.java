package io.sigill.web;

/** The caller exceeded a rate limit. */
public class TooManyRequestsException extends RuntimeException {
  public TooManyRequestsException(String detail) {
    super(detail);
  }
}
