package io.sigill.compliance;

import io.sigill.identity.SigillUser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/incidents}: anyone may report (rate-limited); security and compliance may read. */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

  record ReportRequest(String title, String description, String reporterEmail) {}

  record Reported(String id) {}

  private final IncidentReports reports;
  private final IncidentReportRateLimit rateLimit;

  IncidentController(IncidentReports reports, IncidentReportRateLimit rateLimit) {
    this.reports = reports;
    this.rateLimit = rateLimit;
  }

  @PostMapping
  ResponseEntity<Reported> report(
      @RequestBody ReportRequest body, HttpServletRequest request, @AuthenticationPrincipal SigillUser user) {
    rateLimit.check(request.getRemoteAddr());
    String id = reports.report(body.title(), body.description(), body.reporterEmail(), user == null ? null : user.orgId(),
        user == null ? null : user.userId());
    return ResponseEntity.created(URI.create("/api/incidents/" + id)).body(new Reported(id));
  }

  @GetMapping("/{id}")
  IncidentView get(@PathVariable String id, @AuthenticationPrincipal SigillUser user) {
    return IncidentView.of(reports.find(id, user));
  }
}
