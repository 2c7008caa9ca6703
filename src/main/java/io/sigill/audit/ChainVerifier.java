package io.sigill.audit;

import java.util.List;

/**
 * Recomputes a chain: seq runs 1..n without gaps, each prev_hash is the previous hash, each hash
 * recomputes from its fields, and the head row agrees with the last event (so a deleted tail is
 * caught too).
 */
final class ChainVerifier {

  private ChainVerifier() {}

  static Verification verify(List<StoredEvent> events, ChainHead head) {
    String prev = EventHash.GENESIS;
    long expectedSeq = 1;
    for (StoredEvent e : events) {
      if (e.seq() != expectedSeq) {
        return invalid(events, head, expectedSeq, "event " + expectedSeq + " is missing");
      }
      if (!prev.equals(e.prevHash())) {
        return invalid(events, head, e.seq(), "prev_hash does not match the hash of event " + (e.seq() - 1));
      }
      if (!EventHash.of(e).equals(e.hash())) {
        return invalid(events, head, e.seq(), "hash does not match the event's fields");
      }
      prev = e.hash();
      expectedSeq++;
    }
    long last = expectedSeq - 1;
    if (head != null && head.lastSeq() != last) {
      return invalid(events, head, Math.min(head.lastSeq(), last) + 1,
          "chain head says " + head.lastSeq() + " events, the table holds " + last);
    }
    if (head != null && !head.lastHash().equals(prev)) {
      return invalid(events, head, last, "chain head hash does not match the last event");
    }
    return new Verification(true, events.size(), prev, null, null);
  }

  private static Verification invalid(List<StoredEvent> events, ChainHead head, long seq, String reason) {
    return new Verification(false, events.size(), head == null ? null : head.lastHash(), seq, reason);
  }
}
