package io.sigill.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per client address in fixed one-minute windows and refuses those over the limit
 * with a 429 problem. In memory per node: enough to stop a flood from one address on the public
 * endpoints; a limit shared by several nodes belongs in the proxy in front of them.
 */
public class FixedWindowRateLimit {

  private static final int MAX_TRACKED_ADDRESSES = 10_000;

  private record Window(long minute, int count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int perMinute;
  private final Clock clock;
  private final String refusal;

  /** @param refusal the problem detail shown when the limit is exceeded */
  protected FixedWindowRateLimit(int perMinute, Clock clock, String refusal) {
    this.perMinute = perMinute;
    this.clock = clock;
    this.refusal = refusal;
  }

  /** Counts one request from this address; throws once the address is over the limit. */
  public void check(String clientAddress) {
    long minute = clock.millis() / 60_000;
    String key = clientAddress == null ? "unknown" : clientAddress;
    Window window = windows.compute(key,
        (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
    if (windows.size() > MAX_TRACKED_ADDRESSES) {
      windows.values().removeIf(w -> w.minute() != minute);
    }
    if (window.count() > perMinute) {
      throw new TooManyRequestsException(refusal);
    }
  }
}
