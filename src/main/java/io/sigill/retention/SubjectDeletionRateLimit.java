package io.sigill.retention;

import io.sigill.web.FixedWindowRateLimit;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Limits data subjects' public deletion requests per client address (page and API share it). */
@Component
class SubjectDeletionRateLimit extends FixedWindowRateLimit {

  @Autowired
  SubjectDeletionRateLimit(RetentionSettings settings) {
    this(settings.subjectRequestsPerMinute(), Clock.systemUTC());
  }

  SubjectDeletionRateLimit(int perMinute, Clock clock) {
    super(perMinute, clock, "Too many deletion requests from your address; please try again in a minute.");
  }
}
