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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/legal-holds}: legal requests and releases holds; legal and compliance read them. */
@RestController
@RequestMapping("/api/legal-holds")
class LegalHoldController {

  private final LegalHolds holds;

  LegalHoldController(LegalHolds holds) {
    this.holds = holds;
  }

  record Release(String reason) {}

  @PostMapping
  ResponseEntity<LegalHoldView> request(@AuthenticationPrincipal SigillUser user,
      @RequestBody(required = false) LegalHolds.NewLegalHold body) {
    LegalHoldView hold = holds.request(user, body);
    return ResponseEntity.created(URI.create("/api/legal-holds/" + hold.id())).body(hold);
  }

  @GetMapping
  List<LegalHoldView> list(@AuthenticationPrincipal SigillUser user,
      @RequestParam(defaultValue = "false") boolean active) {
    return holds.list(user, active);
  }

  @GetMapping("/{id}")
  LegalHoldView get(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    return holds.get(user, id);
  }

  @PostMapping("/{id}/release")
  LegalHoldView release(@AuthenticationPrincipal SigillUser user, @PathVariable String id,
      @RequestBody(required = false) Release body) {
    return holds.requestRelease(user, id, body == null ? null : body.reason());
  }
}
