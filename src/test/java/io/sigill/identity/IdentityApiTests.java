package io.sigill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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

/** Who may call what: HTTP Basic, API keys, org scoping, roles as Camunda groups. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityApiTests {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void apiWithoutCredentialsAnswers401ProblemDetail() {
    ResponseEntity<String> response = rest.getForEntity("/api/me", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains("\"status\":401").doesNotContain("Exception").doesNotContain("at io.");
  }

  @Test
  @SuppressWarnings("unchecked")
  void basicAuthUserSeesOwnOrgAndRoles() {
    Map<String, Object> me = get("/api/me", basic("admin")).getBody();
    assertThat(me).containsEntry("userId", "admin");
    assertThat((List<Object>) me.get("roles")).containsExactlyInAnyOrder("camunda-admin", "org-admin");
    String demoOrg = jdbc.queryForObject("SELECT id FROM org WHERE slug = 'demo'", String.class);
    assertThat(me).containsEntry("orgId", demoOrg);
  }

  @Test
  void apiKeyIsShownOnceStoredHashedAndWorksUntilRevoked() {
    ResponseEntity<Map<String, Object>> created = post("/api/api-keys", basic("sender"), Map.of("name", "build server"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String secret = (String) created.getBody().get("secret");
    String id = (String) created.getBody().get("id");
    assertThat(secret).startsWith("sgl_").hasSizeGreaterThan(40);

    String stored = jdbc.queryForObject("SELECT secret_hash FROM api_key WHERE id = ?", String.class, id);
    assertThat(stored).isNotEqualTo(secret).doesNotContain(secret.substring(4)).hasSize(64);

    Map<String, Object> me = get("/api/me", bearer(secret)).getBody();
    assertThat(me).containsEntry("userId", "sender");
    List<Map<String, Object>> listed = rest.exchange("/api/api-keys", HttpMethod.GET, new HttpEntity<>(basic("sender")),
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(listed).anySatisfy(k -> assertThat(k).containsEntry("id", id).doesNotContainKey("secret"));

    ResponseEntity<String> revoked = rest.exchange("/api/api-keys/" + id, HttpMethod.DELETE, new HttpEntity<>(basic("sender")), String.class);
    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(bearer(secret)), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anotherOrgsKeyIdAnswers404AndStaysActive() {
    String secret = (String) post("/api/api-keys", basic("sender"), Map.of("name", "mine")).getBody().get("secret");
    String id = jdbc.queryForObject("SELECT id FROM api_key WHERE secret_hash = ?", String.class, ApiKeys.sha256(secret));

    ResponseEntity<String> foreign = rest.exchange("/api/api-keys/" + id, HttpMethod.DELETE, new HttpEntity<>(basic("sender2")), String.class);
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("/api/me", bearer(secret)).getBody()).containsEntry("userId", "sender");
  }

  @Test
  void unknownOrMalformedBearerKeysAnswer401() {
    for (String key : List.of("sgl_doesnotexist", "not-a-key", "sgl_" + "x".repeat(200))) {
      assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(bearer(key)), String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }

  @Test
  void invalidKeyRequestsAnswer400NamingTheFieldAndStoreNothing() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Integer.class);
    for (Map<String, Object> body : List.of(Map.<String, Object>of("name", ""), Map.<String, Object>of("name", "a\r\nb"),
        Map.<String, Object>of("name", "x".repeat(101)))) {
      ResponseEntity<Map<String, Object>> response = post("/api/api-keys", basic("sender"), body);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) response.getBody().get("detail")).contains("name");
    }
    ResponseEntity<String> broken = rest.exchange("/api/api-keys", HttpMethod.POST,
        new HttpEntity<>("{not json", json(basic("sender"))), String.class);
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(broken.getBody()).doesNotContain("com.fasterxml").doesNotContain("Exception");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Integer.class)).isEqualTo(before);
  }

  @Test
  void everyRoleIsACamundaGroupAndDemoUsersHoldTheirRole() {
    for (Role role : Role.values()) {
      assertThat(identityService.createGroupQuery().groupId(role.groupId()).count()).as(role.groupId()).isEqualTo(1);
      if (role.isOperations()) {
        assertThat(authorizationService.isUserAuthorized(null, List.of(role.groupId()), Permissions.ACCESS,
            Resources.APPLICATION, "tasklist")).as("tasklist access for " + role.groupId()).isTrue();
      }
    }
    assertThat(groups("admin")).containsExactlyInAnyOrder("camunda-admin", "org-admin");
    for (String user : List.of("sender", "compliance", "legal", "security", "billing")) {
      assertThat(groups(user)).containsExactly(user);
    }
    assertThat(groups("sender2")).containsExactly("sender");
    String acme = jdbc.queryForObject("SELECT org_id FROM org_member WHERE user_id = 'sender2'", String.class);
    assertThat(jdbc.queryForObject("SELECT slug FROM org WHERE id = ?", String.class, acme)).isEqualTo("acme");
  }

  @Test
  void engineRestNeedsCredentialsAndAppliesCamundaAuthorization() {
    assertThat(rest.getForEntity("/engine-rest/filter", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<List<Map<String, Object>>> security = rest.exchange("/engine-rest/filter", HttpMethod.GET,
        new HttpEntity<>(basic("security")), new ParameterizedTypeReference<>() {});
    assertThat(security.getBody()).extracting(f -> f.get("name")).contains("Security tasks", "My tasks")
        .doesNotContain("Compliance tasks");
    ResponseEntity<List<Map<String, Object>>> sender = rest.exchange("/engine-rest/filter", HttpMethod.GET,
        new HttpEntity<>(basic("sender")), new ParameterizedTypeReference<>() {});
    assertThat(sender.getBody()).isEmpty();
  }

  @Test
  void camundaWebappsRedirectToTheSigillLogin() {
    ResponseEntity<String> response = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    // TestRestTemplate follows the redirect: we land on Sigill's own sign-in form.
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("name=\"username\"").contains("Sign in").doesNotContain("ng-app");
  }

  private List<String> groups(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
  }

  private ResponseEntity<Map<String, Object>> get(String path, HttpHeaders headers) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
  }

  private ResponseEntity<Map<String, Object>> post(String path, HttpHeaders headers, Object body) {
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, json(headers)), JSON);
  }

  private static HttpHeaders json(HttpHeaders headers) {
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  private static HttpHeaders bearer(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(key);
    return headers;
  }
}
