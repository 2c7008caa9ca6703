package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash chain on its own: what verify accepts and exactly where it reports a break. */
class ChainVerifierTests {

  @Test
  void anIntactChainVerifiesAndReportsItsHead() {
    List<StoredEvent> chain = chain(5);
    Verification v = ChainVerifier.verify(chain, headOf(chain));
    assertThat(v.valid()).isTrue();
    assertThat(v.events()).isEqualTo(5);
    assertThat(v.headHash()).isEqualTo(chain.get(4).hash());
    assertThat(v.firstInvalidSeq()).isNull();
  }

  @Test
  void changingAnyHashedFieldOfOneEventIsReportedAtThatSeq() {
    List<StoredEvent> original = chain(6);
    List<java.util.function.UnaryOperator<StoredEvent>> edits = List.of(
        e -> new StoredEvent(e.transactionId(), e.seq(), "other-org", e.type(), e.actor(), e.ip(), e.userAgent(), e.occurredAtMs(), e.payload(), e.prevHash(), e.hash()),
        e -> new StoredEvent(e.transactionId(), e.seq(), e.orgId(), "DOCUMENT_DELETED", e.actor(), e.ip(), e.userAgent(), e.occurredAtMs(), e.payload(), e.prevHash(), e.hash()),
        e -> new StoredEvent(e.transactionId(), e.seq(), e.orgId(), e.type(), "mallory", e.ip(), e.userAgent(), e.occurredAtMs(), e.payload(), e.prevHash(), e.hash()),
        e -> new StoredEvent(e.transactionId(), e.seq(), e.orgId(), e.type(), e.actor(), "pd1.x.y", e.userAgent(), e.occurredAtMs(), e.payload(), e.prevHash(), e.hash()),
        e -> new StoredEvent(e.transactionId(), e.seq(), e.orgId(), e.type(), e.actor(), e.ip(), e.userAgent(), e.occurredAtMs() + 1, e.payload(), e.prevHash(), e.hash()),
        e -> new StoredEvent(e.transactionId(), e.seq(), e.orgId(), e.type(), e.actor(), e.ip(), e.userAgent(), e.occurredAtMs(), "{\"n\":99}", e.prevHash(), e.hash()));
    for (var edit : edits) {
      List<StoredEvent> tampered = new ArrayList<>(original);
      tampered.set(3, edit.apply(original.get(3)));
      Verification v = ChainVerifier.verify(tampered, headOf(original));
      assertThat(v.valid()).isFalse();
      assertThat(v.firstInvalidSeq()).isEqualTo(4L);
    }
  }

  @Test
  void aRecomputedHashStillBreaksTheLinkToTheNextEvent() {
    List<StoredEvent> chain = new ArrayList<>(chain(5));
    StoredEvent edited = new StoredEvent("tx", 2, "org", "REQUEST_SENT", "alice", null, null, 1000, "{\"n\":42}", chain.get(0).hash(), null);
    chain.set(1, edited.withHash(EventHash.of(edited)));
    Verification v = ChainVerifier.verify(chain, headOf(chain(5)));
    assertThat(v.firstInvalidSeq()).isEqualTo(3L);
    assertThat(v.reason()).contains("prev_hash");
  }

  @Test
  void aMissingEventOrDeletedTailIsReported() {
    List<StoredEvent> chain = chain(5);
    List<StoredEvent> gap = new ArrayList<>(chain);
    gap.remove(2);
    assertThat(ChainVerifier.verify(gap, headOf(chain)).firstInvalidSeq()).isEqualTo(3L);

    List<StoredEvent> tailless = chain.subList(0, 4);
    Verification v = ChainVerifier.verify(tailless, headOf(chain));
    assertThat(v.valid()).isFalse();
    assertThat(v.firstInvalidSeq()).isEqualTo(5L);
  }

  @Test
  void theEncodingIsUnambiguousAcrossFieldBoundaries() {
    StoredEvent a = new StoredEvent("tx", 1, "ab", "c", "x", null, null, 1, "{}", EventHash.GENESIS, null);
    StoredEvent b = new StoredEvent("tx", 1, "a", "bc", "x", null, null, 1, "{}", EventHash.GENESIS, null);
    StoredEvent nullIp = new StoredEvent("tx", 1, "a", "bc", "x", null, null, 1, "{}", EventHash.GENESIS, null);
    StoredEvent emptyIp = new StoredEvent("tx", 1, "a", "bc", "x", "", null, 1, "{}", EventHash.GENESIS, null);
    assertThat(EventHash.of(a)).isNotEqualTo(EventHash.of(b)).hasSize(64);
    assertThat(EventHash.of(nullIp)).isNotEqualTo(EventHash.of(emptyIp));
  }

  static List<StoredEvent> chain(int n) {
    List<StoredEvent> events = new ArrayList<>();
    String prev = EventHash.GENESIS;
    for (int seq = 1; seq <= n; seq++) {
      StoredEvent e = new StoredEvent("tx", seq, "org", "REQUEST_SENT", "alice", null, null, 1000L + seq, "{\"n\":" + seq + "}", prev, null);
      e = e.withHash(EventHash.of(e));
      events.add(e);
      prev = e.hash();
    }
    return events;
  }

  static ChainHead headOf(List<StoredEvent> chain) {
    StoredEvent last = chain.get(chain.size() - 1);
    return new ChainHead("tx", "org", last.seq(), last.hash());
  }
}
