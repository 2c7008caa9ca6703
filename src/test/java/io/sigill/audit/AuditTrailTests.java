package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigill.identity.SigillUser;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Appending on the embedded database: chained, in the caller's transaction, erasable, org-bound. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailTests {

  @Autowired AuditTrail trail;
  @Autowired AuditReading reading;
  @Autowired ChainStore chains;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  private final SigillUser compliance = new SigillUser("compliance", "org-a", Set.of("compliance"));

  @Test
  void appendsFormAGapFreeChainThatVerifies() {
    String id = newTx();
    for (int i = 0; i < 5; i++) {
      assertThat(trail.record(AuditEventType.REQUEST_SENT, id, "org-a", "sender", Map.of("n", i))).isEqualTo(i + 1L);
    }
    Verification v = reading.verify(compliance, id);
    assertThat(v.valid()).isTrue();
    assertThat(v.events()).isEqualTo(5);
    assertThat(v.headHash()).isEqualTo(chains.head(id).orElseThrow().lastHash());
  }

  @Test
  void changingOneStoredFieldIsReportedAtExactlyThatSeq() {
    String id = newTx();
    for (int i = 0; i < 6; i++) {
      trail.record(AuditEventType.REQUEST_SENT, id, "org-a", "sender", Map.of("n", i));
    }
    jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE transaction_id = ? AND seq = 4", id);
    Verification v = reading.verify(compliance, id);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstInvalidSeq()).isEqualTo(4L);
    assertThat(v.reason()).contains("hash");
  }

  @Test
  void aRolledBackCallerLeavesNoEvent() {
    String id = newTx();
    trail.record(AuditEventType.REQUEST_CREATED, id, "org-a", "sender", Map.of());
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      trail.record(AuditEventType.REQUEST_SENT, id, "org-a", "sender", Map.of());
      throw new IllegalStateException("domain change failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(chains.events(id)).extracting(StoredEvent::type).containsExactly("REQUEST_CREATED");
    assertThat(reading.verify(compliance, id).valid()).isTrue();
  }

  @Test
  void erasingASubjectMakesItsDataUnreadableAndTheChainStillVerifies() {
    String id = newTx();
    trail.record(AuditEventType.SIGNER_NOTIFIED, id, "org-a", Actor.SYSTEM,
        Map.of("signerId", "s1", "email", new PersonalValue("signer:s1", "ann@example.com")));
    trail.record(AuditEventType.SIGNER_SIGNED, id, "org-a", Actor.signer("s1"), Map.of(), "203.0.113.7", "Firefox");

    String stored = jdbc.queryForObject("SELECT payload FROM audit_event WHERE transaction_id = ? AND seq = 1", String.class, id);
    assertThat(stored).doesNotContain("ann@example.com").contains("pd1.");
    assertThat(jdbc.queryForObject("SELECT ip FROM audit_event WHERE transaction_id = ? AND seq = 2", String.class, id))
        .doesNotContain("203.0.113.7");
    var before = reading.read(compliance, id).events();
    assertThat(before.get(0).payload()).containsEntry("email", "ann@example.com").containsEntry("signerId", "s1");
    assertThat(before.get(1).ip()).isEqualTo("203.0.113.7");
    assertThat(before.get(1).userAgent()).isEqualTo("Firefox");

    trail.eraseSubject("signer:s1");

    var after = reading.read(compliance, id).events();
    assertThat(after.get(0).payload()).containsEntry("email", SubjectKeys.ERASED).containsEntry("signerId", "s1");
    assertThat(after.get(1).ip()).isEqualTo(SubjectKeys.ERASED);
    assertThat(jdbc.queryForObject("SELECT key_bytes FROM audit_subject_key WHERE subject_id = 'signer:s1'", byte[].class)).isNull();
    assertThat(reading.verify(compliance, id).valid()).isTrue();

    // Once erased, a subject's personal values are no longer stored at all.
    trail.record(AuditEventType.SIGNER_OPENED, id, "org-a", Actor.signer("s1"), Map.of(), "203.0.113.7", "Firefox");
    assertThat(jdbc.queryForObject("SELECT ip FROM audit_event WHERE transaction_id = ? AND seq = 3", String.class, id)).isNull();
  }

  @Test
  void aSubjectKeyMadeInATransactionThatRolledBackIsNeverUsedAfterwards() {
    String subject = "s-" + UUID.randomUUID();
    String id = newTx();
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      trail.record(AuditEventType.SIGNER_OPENED, id, "org-a", Actor.signer(subject), Map.of(), "198.51.100.1", "Curl");
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_subject_key WHERE subject_id = ?", Integer.class,
        "signer:" + subject)).isZero();

    // Twice: the second may take the key from the ones kept for encrypting.
    trail.record(AuditEventType.SIGNER_OPENED, id, "org-a", Actor.signer(subject), Map.of(), "198.51.100.2", "Curl");
    trail.record(AuditEventType.SIGNER_OPENED, id, "org-a", Actor.signer(subject), Map.of(), "198.51.100.3", "Curl");

    assertThat(reading.read(compliance, id).events()).extracting(e -> e.ip()).containsExactly("198.51.100.2", "198.51.100.3");
  }

  @Test
  void aChainKeepsItsOrgAndRefusesAnother() {
    String id = newTx();
    trail.record(AuditEventType.PROCESS_STARTED, id, null, Actor.SYSTEM, Map.of());
    trail.record(AuditEventType.REQUEST_CREATED, id, "org-a", "sender", Map.of());
    trail.record(AuditEventType.ACTIVITY_STARTED, id, null, Actor.SYSTEM, Map.of());
    assertThat(chains.head(id).orElseThrow().orgId()).isEqualTo("org-a");
    assertThat(chains.events(id).get(2).orgId()).isEqualTo("org-a");
    assertThatThrownBy(() -> trail.record(AuditEventType.REQUEST_SENT, id, "org-b", "sender", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(chains.events(id)).hasSize(3);
  }

  @Test
  void concurrentAppendsToOneChainAndToManyChainsLeaveNoGapOrFork() throws Exception {
    String shared = newTx();
    String prefix = newTx();
    ConcurrentAppends.run(trail, 8, 100, t -> shared);
    ConcurrentAppends.run(trail, 8, 100, t -> prefix + "-" + t);
    SigillUser complianceC = new SigillUser("compliance", ConcurrentAppends.ORG, Set.of("compliance"));
    ConcurrentAppends.assertGapFree(jdbc, shared, 800);
    assertThat(reading.verify(complianceC, shared).valid()).isTrue();
    for (int t = 0; t < 8; t++) {
      ConcurrentAppends.assertGapFree(jdbc, prefix + "-" + t, 100);
      assertThat(reading.verify(complianceC, prefix + "-" + t).valid()).isTrue();
    }
  }

  @Test
  void eventsRecordedLaterAreWrittenAtCommitInOrderAndVerify() {
    String id = newTx();
    String other = newTx();
    trail.record(AuditEventType.REQUEST_CREATED, id, "org-a", "sender", Map.of());
    tx.executeWithoutResult(status -> {
      trail.recordLater(AuditEventType.PROCESS_STARTED, id, null, Actor.SYSTEM, Map.of("n", 1));
      trail.recordLater(AuditEventType.ACTIVITY_STARTED, other, "org-a", Actor.SYSTEM, Map.of("n", 2));
      trail.recordLater(AuditEventType.SIGNER_SIGNED, id, "org-a", Actor.signer("s9"), Map.of("n", 3), "203.0.113.9",
          "Firefox");
      // Not written yet: a concurrent reader sees only the committed first event.
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE transaction_id = ?", Integer.class, id))
          .isEqualTo(1);
      trail.recordLater(AuditEventType.ACTIVITY_ENDED, id, null, Actor.SYSTEM, Map.of("n", 4));
    });
    assertThat(chains.events(id)).extracting(e -> e.seq() + " " + e.type() + " " + e.orgId()).containsExactly(
        "1 REQUEST_CREATED org-a", "2 PROCESS_STARTED org-a", "3 SIGNER_SIGNED org-a", "4 ACTIVITY_ENDED org-a");
    assertThat(chains.events(other)).extracting(StoredEvent::type).containsExactly("ACTIVITY_STARTED");
    assertThat(reading.read(compliance, id).events().get(2).ip()).isEqualTo("203.0.113.9");
    assertThat(reading.verify(compliance, id).valid()).isTrue();
    assertThat(reading.verify(compliance, other).valid()).isTrue();
  }

  @Test
  void eventsRecordedLaterComeBeforeADirectAppendAndAreReadInTheirTransaction() {
    String id = newTx();
    long seq = tx.execute(status -> {
      trail.recordLater(AuditEventType.PROCESS_STARTED, id, "org-a", Actor.SYSTEM, Map.of());
      trail.recordLater(AuditEventType.ACTIVITY_STARTED, id, "org-a", Actor.SYSTEM, Map.of());
      assertThat(trail.export(id).orElseThrow().events()).hasSize(2);
      return trail.record(AuditEventType.REQUEST_SENT, id, "org-a", "sender", Map.of());
    });
    assertThat(seq).isEqualTo(3L);
    assertThat(chains.events(id)).extracting(StoredEvent::type)
        .containsExactly("PROCESS_STARTED", "ACTIVITY_STARTED", "REQUEST_SENT");
    assertThat(reading.verify(compliance, id).valid()).isTrue();
  }

  @Test
  void eventsRecordedLaterAreGoneWithARollbackAndANestedTransactionKeepsItsOwn() {
    String id = newTx();
    TransactionTemplate inner = new TransactionTemplate(tx.getTransactionManager());
    inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      trail.recordLater(AuditEventType.PROCESS_STARTED, id, "org-a", Actor.SYSTEM, Map.of("outer", 1));
      inner.executeWithoutResult(s -> trail.recordLater(AuditEventType.DELETION_REFUSED, id, "org-a", Actor.SYSTEM,
          Map.of("inner", 1)));
      trail.recordLater(AuditEventType.ACTIVITY_STARTED, id, "org-a", Actor.SYSTEM, Map.of("outer", 2));
      throw new IllegalStateException("engine step failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(chains.events(id)).extracting(StoredEvent::type).containsExactly("DELETION_REFUSED");
    assertThat(reading.verify(compliance, id).valid()).isTrue();
  }

  @Test
  void aLaterEventNamingAnotherOrgFailsItsTransaction() {
    String id = newTx();
    trail.record(AuditEventType.REQUEST_CREATED, id, "org-a", "sender", Map.of());
    assertThatThrownBy(() -> tx.executeWithoutResult(status ->
        trail.recordLater(AuditEventType.REQUEST_SENT, id, "org-b", "sender", Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(chains.events(id)).hasSize(1);
  }

  @Test
  void anEventRecordedLaterWhileTheTransactionCommitsIsStillWritten() {
    String id = newTx();
    tx.executeWithoutResult(status -> {
      trail.recordLater(AuditEventType.PROCESS_STARTED, id, "org-a", Actor.SYSTEM, Map.of());
      // Runs after the audit's own before-commit write (registered later, same order).
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              trail.recordLater(AuditEventType.PROCESS_ENDED, id, "org-a", Actor.SYSTEM, Map.of());
            }
          });
    });
    assertThat(chains.events(id)).extracting(StoredEvent::type).containsExactly("PROCESS_STARTED", "PROCESS_ENDED");
    assertThat(reading.verify(compliance, id).valid()).isTrue();
  }

  @Test
  void withoutATransactionAnEventRecordedLaterIsWrittenAtOnce() {
    String id = newTx();
    trail.recordLater(AuditEventType.REQUEST_SENT, id, "org-a", "sender", Map.of());
    assertThat(chains.events(id)).extracting(StoredEvent::seq).containsExactly(1L);
  }

  @Test
  void lastOriginsGivesEachActorsLatestEventOfATypeFromOneRead() {
    String id = newTx();
    String s1 = Actor.signer("s-" + UUID.randomUUID());
    String s2 = Actor.signer("s-" + UUID.randomUUID());
    trail.record(AuditEventType.SIGNER_SIGNED, id, "org-a", s1, Map.of(), "203.0.113.1", "First");
    trail.record(AuditEventType.SIGNER_OPENED, id, "org-a", s2, Map.of(), "203.0.113.2", "Opened");
    trail.record(AuditEventType.SIGNER_SIGNED, id, "org-a", s1, Map.of(), "203.0.113.3", "Again");

    Map<String, AuditTrail.Origin> origins = trail.lastOrigins(id, AuditEventType.SIGNER_SIGNED);
    assertThat(origins).containsOnlyKeys(s1);
    assertThat(origins.get(s1).ip()).isEqualTo("203.0.113.3");
    assertThat(origins.get(s1).userAgent()).isEqualTo("Again");
    assertThat(origins.get(s1)).isEqualTo(
        trail.lastOrigin(id, s1, AuditEventType.SIGNER_SIGNED).orElseThrow());
  }

  private static String newTx() {
    return "tx-" + UUID.randomUUID();
  }
}
