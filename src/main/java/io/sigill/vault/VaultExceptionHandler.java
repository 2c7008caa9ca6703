package io.sigill.vault;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Problem details for the vault's refusals. Ordered first and unrestricted on purpose: an
 * oversize multipart upload fails before any controller is chosen, where only a global advice
 * applies.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class VaultExceptionHandler {

  private final long maxUploadBytes;

  VaultExceptionHandler(VaultSettings settings) {
    this.maxUploadBytes = settings.maxUploadBytes();
  }

  @ExceptionHandler(DocumentRejectedException.class)
  ProblemDetail rejected(DocumentRejectedException e) {
    HttpStatus status = switch (e.reason()) {
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case NOT_A_PDF -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      default -> HttpStatus.UNPROCESSABLE_ENTITY;
    };
    return problem(status, e.getMessage(), e.reason().code());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the limit of " + maxUploadBytes + " bytes.",
        DocumentRejectedException.Reason.TOO_LARGE.code());
  }

  @ExceptionHandler(DocumentLockedException.class)
  ProblemDetail locked(DocumentLockedException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), "locked");
  }

  @ExceptionHandler(DocumentIntegrityException.class)
  ProblemDetail integrity(DocumentIntegrityException e) {
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage(), "integrity");
  }

  /**
   * A document failed its integrity check while it was streamed; the vault has already logged and
   * recorded it. Once bytes are on the wire the response must not end normally: rethrown, the
   * exception reaches the servlet container, which closes the connection without ending the body
   * (Tomcat: no terminating chunk, or a reset HTTP/2 stream; such responses carry no
   * Content-Length), so no client can take the prefix it got for the document. Not handled here
   * means no other handler turns it into a normally ended response either. Before the first byte
   * went out it is an ordinary problem response.
   */
  @ExceptionHandler(DocumentStreamIntegrityException.class)
  ProblemDetail integrityWhileStreaming(DocumentStreamIntegrityException e, HttpServletResponse response)
      throws DocumentStreamIntegrityException {
    if (response.isCommitted()) {
      throw e;
    }
    response.reset(); // drops the document's headers: Content-Disposition, Content-Type
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage(), "integrity");
  }

  private static ProblemDetail problem(HttpStatus status, String detail, String reason) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("reason", reason);
    return problem;
  }
}
