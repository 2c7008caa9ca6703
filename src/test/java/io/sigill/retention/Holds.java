package io.sigill.retention;

import static io.sigill.retention.RetentionFixtures.JSON;
import static io.sigill.retention.RetentionFixtures.runJobs;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Legal holds placed and released through the real API, approved by a second person (compliance). */
record Holds(MockMvc mvc, RuntimeService runtime, TaskService tasks, IdentityService identity,
    ManagementService management) {

  /** {@code legal} asks for a hold on the request, {@code compliance} approves; returns the hold id. */
  String approved(String requestId) throws Exception {
    String body = mvc.perform(post("/api/legal-holds").with(httpBasic("legal", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(Map.of("scope", "REQUESTS", "requestIds", List.of(requestId),
                "reason", "Dispute", "matterId", "M-1"))))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String holdId = JSON.readTree(body).get("id").asText();
    approve(holdId);
    return holdId;
  }

  void release(String holdId) throws Exception {
    mvc.perform(post("/api/legal-holds/{id}/release", holdId).with(httpBasic("legal", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Settled\"}"))
        .andExpect(status().isOk());
    approve(holdId);
  }

  private void approve(String holdId) {
    ProcessInstance hold = runtime.createProcessInstanceQuery().processInstanceBusinessKey(holdId).singleResult();
    Approvals.decide(tasks, identity, hold.getId(), "compliance", true, "checked");
    runJobs(management, hold.getId());
  }
}
