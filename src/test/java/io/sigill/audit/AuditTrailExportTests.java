package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The public export and verification of one trail: in order, without personal values, tamper-evident. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailExportTests {

  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;

  @Test
  void exportsEventsInOrderWithTheHeadHashAndWithoutPersonalValues() {
    String id = "tx-" + UUID.randomUUID();
    // A subject of its own: another test in the shared context may have erased a common one.
    String signer = "s-" + UUID.randomUUID();
    trail.record(AuditEventType.REQUEST_SENT, id, "org-a", "sender",
        Map.of("email", new PersonalValue("signer:" + signer, "ann@example.com"), "signerId", signer), "10.0.0.1", "UA");
    trail.record(AuditEventType.DOCUMENT_SEALED, id, "org-a", Actor.SYSTEM, Map.of("sealedSha256", "abc"));

    TrailExport export = trail.export(id).orElseThrow();

    assertThat(export.events()).extracting(TrailExport.Event::type).containsExactly("REQUEST_SENT", "DOCUMENT_SEALED");
    assertThat(export.events().get(0).payload()).containsEntry("email", TrailExport.PERSONAL).containsEntry("signerId", signer);
    assertThat(export.events().get(1).payload()).containsEntry("sealedSha256", "abc");
    assertThat(export.headHash()).isEqualTo(export.events().get(1).hash());
    assertThat(export.toString()).doesNotContain("ann@example.com").doesNotContain("10.0.0.1");
    assertThat(trail.verify(id).orElseThrow().valid()).isTrue();
  }

  @Test
  void unknownIdsHaveNoExportAndNoVerification() {
    assertThat(trail.export("tx-unknown-" + UUID.randomUUID())).isEmpty();
    assertThat(trail.verify("tx-unknown-" + UUID.randomUUID())).isEmpty();
  }

  @Test
  void verifyReportsAChangedEvent() {
    String id = "tx-" + UUID.randomUUID();
    trail.record(AuditEventType.REQUEST_SENT, id, "org-a", "sender", Map.of());
    trail.record(AuditEventType.REQUEST_COMPLETED, id, "org-a", "sender", Map.of());
    jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE transaction_id = ? AND seq = 2", id);
    assertThat(trail.verify(id).orElseThrow().valid()).isFalse();
  }
}
