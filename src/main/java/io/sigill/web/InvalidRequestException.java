package io.sigill.web;

/** A request that breaks a business rule; the message is shown to the caller as is. */
public class InvalidRequestException extends RuntimeException {
  public InvalidRequestException(String detail) {
    super(detail);
  }
}
