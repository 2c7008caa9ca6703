package io.sigill.compliance;

import io.sigill.web.FixedWindowRateLimit;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Limits public incident reports per client address (page and API share it). */
@Component
class IncidentReportRateLimit extends FixedWindowRateLimit {

  @Autowired
  IncidentReportRateLimit(IncidentSettings settings) {
    this(settings.reportsPerMinute(), Clock.systemUTC());
  }

  IncidentReportRateLimit(int perMinute, Clock clock) {
    super(perMinute, clock, "Too many incident reports from your address; please try again in a minute.");
  }
}
