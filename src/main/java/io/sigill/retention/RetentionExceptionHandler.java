package io.sigill.retention;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the retention API's own refusals; everything else is the shared handler's. */
@RestControllerAdvice(assignableTypes = {LegalHoldController.class, DeletionRequestController.class,
    RetentionSettingController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RetentionExceptionHandler {

  @ExceptionHandler(RetentionConflictException.class)
  ProblemDetail conflict(RetentionConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
    return problem;
  }
}
