package io.sigill.retention;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/privacy/deletion-requests} {@code {email}}: a signer asks for deletion of their
 * copies and personal data, without an account. Public and rate-limited; the answer is the same
 * whether or not the address is known, and nothing happens until the emailed link is confirmed.
 */
@RestController
@RequestMapping("/api/privacy/deletion-requests")
class SubjectDeletionController {

  record SubjectRequest(String email) {}

  static final String ANSWER = "If we keep copies or personal data for this address, we have emailed it a link to "
      + "confirm the deletion. Nothing is deleted until the link is confirmed.";

  private final DeletionRequests deletions;
  private final SubjectDeletionRateLimit rateLimit;

  SubjectDeletionController(DeletionRequests deletions, SubjectDeletionRateLimit rateLimit) {
    this.deletions = deletions;
    this.rateLimit = rateLimit;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> request(@RequestBody(required = false) SubjectRequest body, HttpServletRequest http) {
    rateLimit.check(http.getRemoteAddr());
    deletions.requestBySubject(body == null ? null : body.email());
    return Map.of("status", DeletionStatus.PENDING_CONFIRMATION.name(), "message", ANSWER);
  }
}
