package io.sigill.retention;

import io.sigill.identity.SigillUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/deletion-requests}: org-admins ask for deletion; org-admins and compliance follow it. */
@RestController
@RequestMapping("/api/deletion-requests")
class DeletionRequestController {

  private final DeletionRequests deletions;

  DeletionRequestController(DeletionRequests deletions) {
    this.deletions = deletions;
  }

  @PostMapping
  ResponseEntity<DeletionView> request(@AuthenticationPrincipal SigillUser user,
      @RequestBody(required = false) DeletionRequests.NewDeletion body) {
    DeletionView view = deletions.request(user, body);
    return ResponseEntity.created(URI.create("/api/deletion-requests/" + view.id())).body(view);
  }

  @GetMapping
  List<DeletionView> list(@AuthenticationPrincipal SigillUser user) {
    return deletions.list(user);
  }

  @GetMapping("/{id}")
  DeletionView get(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    return deletions.get(user, id);
  }
}
