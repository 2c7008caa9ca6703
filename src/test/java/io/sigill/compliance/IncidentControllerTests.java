package io.sigill.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.identity.OrgRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The incident API: public, rate-limited reporting; role- and org-scoped reading. */
@SpringBootTest(properties = "sigill.incidents.reports-per-minute=10")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IncidentControllerTests {

  // Each test reports from its own client address so the rate limit of one never hits another.
  private static final AtomicInteger CLIENT = new AtomicInteger(1);

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired SecurityIncidentRepository incidents;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IncidentReports reports;
  @Autowired OrgRepository orgs;

  @Test
  void anonymousReportIsCreatedWithItsIdAndStartsTheProcess() throws Exception {
    MvcResult result =
        mvc.perform(report(body("Phishing mail", "Someone sent a fake signing link.", "finder@example.org")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.id").isString())
            .andReturn();
    String id = json.readTree(result.getResponse().getContentAsString()).get("id").asText();

    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/incidents/" + id);
    SecurityIncident stored = incidents.findById(id).orElseThrow();
    assertThat(stored.getOrgId()).isNull();
    assertThat(stored.getReporterEmail()).isEqualTo("finder@example.org");
    assertThat(stored.getStatus()).isEqualTo(IncidentStatus.REPORTED);
    assertThat(runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(IncidentProcessVariables.PROCESS_KEY).processInstanceBusinessKey(id).count())
        .isEqualTo(1);
  }

  @Test
  void missingOversizedOrMultiLineFieldsAreRejectedByNameAndStoreNothing() throws Exception {
    long rows = incidents.count();
    long instances = processInstances();
    expectInvalid(body(null, "text", "a@example.org"), "title");
    expectInvalid(body("t", null, "a@example.org"), "description");
    expectInvalid(body("t", "text", null), "reporterEmail");
    expectInvalid(body("x".repeat(201), "text", "a@example.org"), "title");
    expectInvalid(body("t", "x".repeat(5001), "a@example.org"), "description");
    expectInvalid(body("t", "text", "a".repeat(250) + "@example.org"), "reporterEmail");
    expectInvalid(body("line one\r\nBcc: victim@example.org", "text", "a@example.org"), "title");
    expectInvalid(body("t", "text", "a@example.org\r\nBcc: victim@example.org"), "reporterEmail");
    expectInvalid(body("t", "text", "not an email"), "reporterEmail");
    mvc.perform(report("{not json").header("X-Test", "x"))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")));

    assertThat(incidents.count()).isEqualTo(rows);
    assertThat(processInstances()).isEqualTo(instances);
  }

  @Test
  void reportsBeyondTheLimitPerMinuteAreAnsweredTooManyRequests() throws Exception {
    String client = "10.99.0." + CLIENT.incrementAndGet();
    for (int i = 0; i < 10; i++) {
      mvc.perform(report(body("Report " + i, "text", "a@example.org")).with(from(client)))
          .andExpect(status().isCreated());
    }
    long rows = incidents.count();
    MvcResult limited =
        mvc.perform(report(body("One too many", "text", "a@example.org")).with(from(client)))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().exists("Retry-After"))
            .andExpect(jsonPath("$.status").value(429))
            .andReturn();
    assertNoInternals(limited);
    assertThat(incidents.count()).isEqualTo(rows);

    mvc.perform(report(body("Another address", "text", "a@example.org")).with(from("10.98.0.1")))
        .andExpect(status().isCreated());
  }

  @Test
  void failingProcessStartLeavesNeitherRowNorProcessInstance() {
    long rows = incidents.count();
    long instances = processInstances();
    repositoryService.suspendProcessDefinitionByKey(IncidentProcessVariables.PROCESS_KEY);
    try {
      assertThatThrownBy(() -> reports.report("Suspended", "text", "a@example.org", null)).isNotNull();
    } finally {
      repositoryService.activateProcessDefinitionByKey(IncidentProcessVariables.PROCESS_KEY);
    }
    assertThat(incidents.count()).isEqualTo(rows);
    assertThat(processInstances()).isEqualTo(instances);
  }

  @Test
  void securityAndComplianceReadIncidentsOthersCannot() throws Exception {
    String id = reports.report("Readable", "Details for security.", "reader@example.org", null);

    mvc.perform(get("/api/incidents/{id}", id).with(httpBasic("security", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.title").value("Readable"))
        .andExpect(jsonPath("$.status").value("REPORTED"));
    mvc.perform(get("/api/incidents/{id}", id).with(httpBasic("compliance", "demo"))).andExpect(status().isOk());
    MvcResult forbidden =
        mvc.perform(get("/api/incidents/{id}", id).with(httpBasic("sender", "demo")))
            .andExpect(status().isForbidden())
            .andReturn();
    assertNoInternals(forbidden);
    mvc.perform(get("/api/incidents/{id}", id)).andExpect(status().isUnauthorized());
    MvcResult unknown =
        mvc.perform(get("/api/incidents/{id}", "00000000-0000-0000-0000-000000000000").with(httpBasic("security", "demo")))
            .andExpect(status().isNotFound())
            .andReturn();
    assertNoInternals(unknown);
  }

  @Test
  void incidentOfAnotherOrgIsNotFoundForComplianceButVisibleToSecurity() throws Exception {
    String acme = orgs.findBySlug("acme").orElseThrow().getId();
    String demo = orgs.findBySlug("demo").orElseThrow().getId();
    String acmeIncident = reports.report("Acme only", "text", "a@acme.example", acme);
    String demoIncident = reports.report("Demo only", "text", "a@demo.example", demo);

    mvc.perform(get("/api/incidents/{id}", acmeIncident).with(httpBasic("compliance", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/incidents/{id}", demoIncident).with(httpBasic("compliance", "demo")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/incidents/{id}", acmeIncident).with(httpBasic("security", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orgId").value(acme));
  }

  @Test
  void signedInReporterFilesTheIncidentUnderTheirOrg() throws Exception {
    MvcResult result =
        mvc.perform(report(body("From a customer", "text", "sender2@acme.sigill.test")).with(httpBasic("sender2", "demo")))
            .andExpect(status().isCreated())
            .andReturn();
    String id = json.readTree(result.getResponse().getContentAsString()).get("id").asText();
    assertThat(incidents.findById(id).orElseThrow().getOrgId()).isEqualTo(orgs.findBySlug("acme").orElseThrow().getId());
  }

  private void expectInvalid(String body, String field) throws Exception {
    MvcResult result =
        mvc.perform(report(body))
            .andExpect(status().isBadRequest())
            .andExpect(header().string("Content-Type", containsString("application/problem+json")))
            .andExpect(jsonPath("$.detail").value(containsString(field + ":")))
            .andReturn();
    assertNoInternals(result);
  }

  private static void assertNoInternals(MvcResult result) throws Exception {
    String body = result.getResponse().getContentAsString();
    assertThat(body).doesNotContain("Exception", "io.sigill", "org.springframework", "org.camunda", "\tat ", "trace");
  }

  private MockHttpServletRequestBuilder report(String body) {
    return post("/api/incidents").with(from("10.1.0." + CLIENT.incrementAndGet()))
        .contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private String body(String title, String description, String email) throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("title", title);
    map.put("description", description);
    map.put("reporterEmail", email);
    return json.writeValueAsString(map);
  }

  private long processInstances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(IncidentProcessVariables.PROCESS_KEY).count();
  }
}
