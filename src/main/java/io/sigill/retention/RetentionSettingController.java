package io.sigill.retention;

import io.sigill.identity.SigillUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/settings/retention}: the org's retention period in years (org-admin changes it). */
@RestController
@RequestMapping("/api/settings/retention")
class RetentionSettingController {

  private final Retention retention;

  RetentionSettingController(Retention retention) {
    this.retention = retention;
  }

  record Years(Integer years) {}

  @GetMapping
  Years get(@AuthenticationPrincipal SigillUser user) {
    return new Years(retention.yearsFor(user.orgId()));
  }

  @PutMapping
  Years put(@AuthenticationPrincipal SigillUser user, @RequestBody(required = false) Years body) {
    return new Years(retention.changeYears(user, body == null ? null : body.years()));
  }
}
