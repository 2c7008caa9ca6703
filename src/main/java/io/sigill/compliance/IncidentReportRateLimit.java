package io.sigill.compliance;

import io.sigill.web.TooManyRequestsException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits public incident reports per client address in fixed one-minute windows. In memory per
 * node: good enough to stop a flood from one address; a shared limit belongs in the proxy.
 */
@Component
class IncidentReportRateLimit {

  private static final int MAX_TRACKED_ADDRESSES = 10_000;

  private record Window(long minute, int count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int perMinute;
  private final Clock clock;

  @Autowired
  IncidentReportRateLimit(IncidentSettings settings) {
    this(settings.reportsPerMinute(), Clock.systemUTC());
  }

  IncidentReportRateLimit(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Counts one report from this address; throws once the address is over the limit. */
  void check(String clientAddress) {
    long minute = clock.millis() / 60_000;
    String key = clientAddress == null ? "unknown" : clientAddress;
    Window window =
        windows.compute(
            key,
            (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
    if (windows.size() > MAX_TRACKED_ADDRESSES) {
      windows.values().removeIf(w -> w.minute() != minute);
    }
    if (window.count() > perMinute) {
      throw new TooManyRequestsException("Too many incident reports from your address; please try again in a minute.");
    }
  }
}
