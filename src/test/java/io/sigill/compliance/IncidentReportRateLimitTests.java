package io.sigill.compliance;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigill.web.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IncidentReportRateLimitTests {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T10:00:00Z"));
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };

  @Test
  void limitIsPerAddressAndResetsInTheNextMinute() {
    IncidentReportRateLimit limit = new IncidentReportRateLimit(2, clock);
    limit.check("10.0.0.1");
    limit.check("10.0.0.1");
    assertThatThrownBy(() -> limit.check("10.0.0.1")).isInstanceOf(TooManyRequestsException.class);
    assertThatCode(() -> limit.check("10.0.0.2")).doesNotThrowAnyException();

    now.set(now.get().plus(Duration.ofMinutes(1)));
    assertThatCode(() -> limit.check("10.0.0.1")).doesNotThrowAnyException();
  }
}
