package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Who may read and verify which trail over HTTP; everyone else gets the same 404 as for no trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditApiTests {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;

  private String demoOrg;
  private String acmeOrg;

  @BeforeEach
  void orgs() {
    demoOrg = jdbc.queryForObject("SELECT id FROM org WHERE slug = 'demo'", String.class);
    acmeOrg = jdbc.queryForObject("SELECT id FROM org WHERE slug = 'acme'", String.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void orgAdminReadsTheTrailWithDecryptedOriginAndVerifiesIt() {
    String tx = chain(demoOrg, "sender", 3);
    ResponseEntity<Map<String, Object>> response = get("/api/transactions/" + tx + "/audit", "admin");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    assertThat(body).containsEntry("transactionId", tx).containsKey("headHash");
    List<Map<String, Object>> events = (List<Map<String, Object>>) body.get("events");
    assertThat(events).hasSize(3);
    assertThat(events.get(0)).containsEntry("seq", 1).containsEntry("type", "REQUEST_CREATED")
        .containsEntry("actor", "sender").containsEntry("ip", "198.51.100.4").containsKey("occurredAt");
    assertThat((String) events.get(0).get("occurredAt")).endsWith("Z");

    Map<String, Object> verify = get("/api/transactions/" + tx + "/audit/verify", "admin").getBody();
    assertThat(verify).containsEntry("valid", true).containsEntry("events", 3)
        .containsEntry("headHash", body.get("headHash")).containsEntry("firstInvalidSeq", null);
  }

  @Test
  void senderReadsOwnRequestsOnlyAndComplianceReadsAllOfTheOrg() {
    String own = chain(demoOrg, "sender", 1);
    String someoneElses = chain(demoOrg, "admin", 1);
    assertThat(status("/api/transactions/" + own + "/audit", "sender")).isEqualTo(HttpStatus.OK);
    assertThat(status("/api/transactions/" + own + "/audit/verify", "sender")).isEqualTo(HttpStatus.OK);
    assertThat(status("/api/transactions/" + someoneElses + "/audit", "sender")).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("/api/transactions/" + someoneElses + "/audit", "compliance")).isEqualTo(HttpStatus.OK);
    for (String user : List.of("legal", "security", "billing")) {
      assertThat(status("/api/transactions/" + own + "/audit", user)).as(user).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void anotherOrgsTrailAnswers404ProblemDetailLikeAnUnknownId() {
    String acme = chain(acmeOrg, "sender2", 2);
    assertThat(status("/api/transactions/" + acme + "/audit", "sender2")).isEqualTo(HttpStatus.OK);
    for (String user : List.of("admin", "compliance", "sender")) {
      ResponseEntity<String> r = raw("/api/transactions/" + acme + "/audit", user);
      assertThat(r.getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(status("/api/transactions/" + acme + "/audit/verify", user)).isEqualTo(HttpStatus.NOT_FOUND);
    }
    ResponseEntity<String> unknown = raw("/api/transactions/no-such-tx/audit", "admin");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).isEqualTo(raw("/api/transactions/" + acme + "/audit", "admin").getBody()
        .replace(acme, "no-such-tx"));
  }

  @Test
  void aTrailOfNoOrgIsForSecurityAndComplianceOnly() {
    String incident = chain(null, "anonymous-reporter", 2);
    assertThat(status("/api/transactions/" + incident + "/audit", "security")).isEqualTo(HttpStatus.OK);
    assertThat(status("/api/transactions/" + incident + "/audit/verify", "compliance")).isEqualTo(HttpStatus.OK);
    for (String user : List.of("admin", "sender", "legal", "sender2")) {
      assertThat(status("/api/transactions/" + incident + "/audit", user)).as(user).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void withoutCredentialsTheTrailAnswers401() {
    String tx = chain(demoOrg, "sender", 1);
    assertThat(rest.getForEntity("/api/transactions/" + tx + "/audit", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void verifyOverHttpReportsTheTamperedSeq() {
    String tx = chain(demoOrg, "sender", 4);
    jdbc.update("UPDATE audit_event SET payload = '{\"n\":999}' WHERE transaction_id = ? AND seq = 2", tx);
    Map<String, Object> verify = get("/api/transactions/" + tx + "/audit/verify", "compliance").getBody();
    assertThat(verify).containsEntry("valid", false).containsEntry("firstInvalidSeq", 2);
    assertThat((String) verify.get("reason")).isNotBlank();
  }

  private String chain(String orgId, String firstActor, int n) {
    String tx = "tx-" + UUID.randomUUID();
    trail.record(AuditEventType.REQUEST_CREATED, tx, orgId, firstActor, Map.of("n", 0), "198.51.100.4", "curl/8");
    for (int i = 1; i < n; i++) {
      trail.record(AuditEventType.ACTIVITY_STARTED, tx, orgId, Actor.SYSTEM, Map.of("n", i));
    }
    return tx;
  }

  private ResponseEntity<Map<String, Object>> get(String path, String user) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(basic(user)), JSON);
  }

  private ResponseEntity<String> raw(String path, String user) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(basic(user)), String.class);
  }

  private HttpStatus status(String path, String user) {
    return HttpStatus.valueOf(raw(path, user).getStatusCode().value());
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }
}
