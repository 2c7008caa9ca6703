package io.sigill.signing;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the signing API's own refusals; everything else is the shared handler's. */
@RestControllerAdvice(assignableTypes = {SignatureRequestController.class, SignerApiController.class, WebhookController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SigningExceptionHandler {

  @ExceptionHandler(SigningConflictException.class)
  ProblemDetail conflict(SigningConflictException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(SigningLinkGoneException.class)
  ProblemDetail gone(SigningLinkGoneException e) {
    return problem(HttpStatus.GONE, e.getMessage());
  }

  static ProblemDetail problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
