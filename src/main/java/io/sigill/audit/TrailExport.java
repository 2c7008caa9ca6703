package io.sigill.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One transaction's trail for other features (the certificate of completion, public seal
 * verification): events in order and the head hash. Personal payload values, IPs and user agents
 * are left out ({@link #PERSONAL} in the payload), so an export can be shown without a reader check.
 */
public record TrailExport(String transactionId, List<Event> events, String headHash) {

  /** What a personal payload value reads as in an export. */
  public static final String PERSONAL = "[personal]";

  public TrailExport {
    events = List.copyOf(events);
  }

  /** One event as exported. */
  public record Event(long seq, String type, String actor, Instant occurredAt, Map<String, Object> payload,
      String hash) {}
}
