package io.sigill.sealing;

import io.sigill.web.FixedWindowRateLimit;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits public verifications per client address (page and API share it): each one parses an
 * untrusted PDF, so one address must not keep the CPU busy.
 */
@Component
class VerifyRateLimit extends FixedWindowRateLimit {

  @Autowired
  VerifyRateLimit(SealingSettings settings) {
    this(settings.verifyRequestsPerMinute(), Clock.systemUTC());
  }

  VerifyRateLimit(int perMinute, Clock clock) {
    super(perMinute, clock, "Too many verifications from your address; please try again in a minute.");
  }
}
