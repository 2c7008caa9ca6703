package io.sigill.audit;

import io.sigill.identity.SigillUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Looks up and verifies the trail of one transaction by its id (the id on the certificate page). */
@RestController
class AuditController {

  private final AuditReading reading;

  AuditController(AuditReading reading) {
    this.reading = reading;
  }

  @GetMapping("/api/transactions/{id}/audit")
  AuditReading.TrailView trail(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    return reading.read(user, id);
  }

  @GetMapping("/api/transactions/{id}/audit/verify")
  Verification verify(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    return reading.verify(user, id);
  }
}
