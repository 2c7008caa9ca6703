package io.sigill.sealing;

import io.sigill.web.TooManyRequestsException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits public verifications per client address in fixed one-minute windows (page and API share
 * it). Each one parses an untrusted PDF, so one address must not keep the CPU busy. In memory per
 * node, like the incident report limit; a shared limit belongs in the proxy.
 */
@Component
class VerifyRateLimit {

  private static final int MAX_TRACKED_ADDRESSES = 10_000;

  private record Window(long minute, int count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int perMinute;
  private final Clock clock;

  @Autowired
  VerifyRateLimit(SealingSettings settings) {
    this(settings.verifyRequestsPerMinute(), Clock.systemUTC());
  }

  VerifyRateLimit(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  void check(String clientAddress) {
    long minute = clock.millis() / 60_000;
    String key = clientAddress == null ? "unknown" : clientAddress;
    Window window = windows.compute(key,
        (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
    if (windows.size() > MAX_TRACKED_ADDRESSES) {
      windows.values().removeIf(w -> w.minute() != minute);
    }
    if (window.count() > perMinute) {
      throw new TooManyRequestsException("Too many verifications from your address; please try again in a minute.");
    }
  }
}
