package io.sigill.signing;

import static io.sigill.signing.SigningFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Webhooks against a real HTTP receiver on loopback: signed, retried through engine jobs, visible to the sender. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WebhookTests {

  static final String SECRET = "whsec-0123456789abcdef";

  record Received(String signature, String body) {}

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService managementService;

  HttpServer receiver;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger answer = new AtomicInteger(200);

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new Received(exchange.getRequestHeaders().getFirst("Sigill-Signature"),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(answer.get(), -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
    // The Spring context is shared with other test classes: leave no callback behind.
    jdbc.update("delete from webhook_setting");
  }

  @Test
  void onlyOrgAdminsSetAValidCallback() throws Exception {
    mvc.perform(put("/api/settings/callback").with(httpBasic("sender", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("callbackUrl", url(), "secret", SECRET))))
        .andExpect(status().isForbidden());
    mvc.perform(put("/api/settings/callback").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("callbackUrl", "ftp://x", "secret", "short"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
            org.hamcrest.Matchers.containsString("callbackUrl:"), org.hamcrest.Matchers.containsString("secret:"))));
  }

  @Test
  void eventsArePostedSignedAndAFailedDeliveryIsRetriedByTheEngine() throws Exception {
    mvc.perform(put("/api/settings/callback").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("callbackUrl", url(), "secret", SECRET))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.secretSet").value(true))
        .andExpect(jsonPath("$.secret").doesNotExist());
    String stored = jdbc.queryForObject("select secret from webhook_setting", String.class);
    assertThat(stored).as("sealed at rest").startsWith("sb1.").doesNotContain(SECRET);

    String id = create();
    runWebhookJobs();
    assertThat(received).hasSize(1);
    Received sent = received.get(0);
    assertThat(json.readTree(sent.body()).get("event").asText()).isEqualTo("signature_request_sent");
    assertThat(json.readTree(sent.body()).get("data").get("signatureRequestId").asText()).isEqualTo(id);
    assertThat(sent.body()).doesNotContain("@example.org");
    long t = Long.parseLong(sent.signature().replaceAll("^t=(\\d+),v1=[0-9a-f]{64}$", "$1"));
    assertThat(sent.signature()).isEqualTo(Webhooks.signatureHeader(SECRET, t, sent.body()));
    assertThat(Webhooks.signatureHeader("another-secret-123456", t, sent.body())).isNotEqualTo(sent.signature());

    answer.set(500);
    mvc.perform(post("/api/signature-requests/" + id + "/cancel").with(httpBasic("sender", "demo")))
        .andExpect(status().isOk());
    Job job = webhookJobs().get(0);
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("HTTP 500");
    Job retry = managementService.createJobQuery().jobId(job.getId()).singleResult();
    // Five pauses are listed, so six attempts in all: five are left after the first.
    assertThat(retry.getRetries()).isEqualTo(5);
    assertThat(retry.getDuedate()).as("retried after the first pause (10 s), not at once")
        .isAfter(new java.util.Date(System.currentTimeMillis() + 5_000));
    mvc.perform(get("/api/signature-requests/" + id + "/webhook-deliveries").with(httpBasic("sender", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[1].event").value("signature_request_canceled"))
        .andExpect(jsonPath("$[1].status").value("PENDING"))
        .andExpect(jsonPath("$[1].attempts").value(1))
        .andExpect(jsonPath("$[1].lastStatus").value(500));

    answer.set(204);
    managementService.executeJob(job.getId());
    mvc.perform(get("/api/signature-requests/" + id + "/webhook-deliveries").with(httpBasic("sender", "demo")))
        .andExpect(jsonPath("$[0].status").value("DELIVERED"))
        .andExpect(jsonPath("$[1].status").value("DELIVERED"))
        .andExpect(jsonPath("$[1].attempts").value(2));
    assertThat(received).hasSize(3);
    mvc.perform(get("/api/signature-requests/" + id + "/webhook-deliveries").with(httpBasic("sender2", "demo")))
        .andExpect(status().isNotFound());
  }

  private String url() {
    return "http://" + receiver.getAddress().getAddress().getHostAddress() + ":" + receiver.getAddress().getPort() + "/hook";
  }

  private String create() throws Exception {
    Map<String, Object> request = Map.of("title", "Hooked", "signers",
        List.of(Map.of("name", "Anna", "email", "hook.anna@example.org")));
    String body = mvc.perform(multipart("/api/signature-requests")
            .file(new MockMultipartFile("file", "lease.pdf", "application/pdf", pdf(1)))
            .file(new MockMultipartFile("request", "", "application/json", json.writeValueAsBytes(request)))
            .with(httpBasic("sender", "demo")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(body).get("id").asText();
  }

  private List<Job> webhookJobs() {
    return managementService.createJobQuery().processDefinitionKey(Webhooks.PROCESS_KEY).messages().list();
  }

  private void runWebhookJobs() {
    webhookJobs().forEach(j -> managementService.executeJob(j.getId()));
  }
}
