package io.sigill.audit;

import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists signed checkpoints (newest first) for compliance, security and Camunda admins. */
@RestController
class CheckpointController {

  private static final int LIMIT = 500;
  private final AuditCheckpoints checkpoints;

  CheckpointController(AuditCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  record CheckpointList(String algorithm, List<AuditCheckpoints.Checkpoint> checkpoints) {}

  @GetMapping("/api/audit/checkpoints")
  CheckpointList list(@AuthenticationPrincipal SigillUser user) {
    if (!user.hasAnyRole(Role.COMPLIANCE, Role.SECURITY, Role.CAMUNDA_ADMIN)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this action");
      problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
      throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
    return new CheckpointList(CheckpointKeys.ALGORITHM, checkpoints.newest(LIMIT));
  }
}
