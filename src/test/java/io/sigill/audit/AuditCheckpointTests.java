package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The hourly checkpoint process signs a Merkle root over all chain heads that anyone can check. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditCheckpointTests {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired AuditTrail trail;
  @Autowired ChainStore chains;
  @Autowired TestRestTemplate rest;

  @Test
  @SuppressWarnings("unchecked")
  void theTimerProcessSignsARootThatVerifiesWithTheListedPublicKey() throws Exception {
    trail.record(AuditEventType.REQUEST_CREATED, "tx-" + UUID.randomUUID(), "org-k", "sender", Map.of());
    Job timer = managementService.createJobQuery().processDefinitionKey("audit-checkpoint").timers().singleResult();
    assertThat(timer).as("the hourly timer is scheduled at deployment").isNotNull();
    managementService.executeJob(timer.getId());
    Job sign = managementService.createJobQuery().processDefinitionKey("audit-checkpoint").messages().singleResult();
    managementService.executeJob(sign.getId());

    ResponseEntity<Map<String, Object>> response = get("compliance");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> listed = (List<Map<String, Object>>) response.getBody().get("checkpoints");
    assertThat(listed).isNotEmpty();
    Map<String, Object> newest = listed.get(0);
    String message = (String) newest.get("signedMessage");
    assertThat(message).startsWith("sigill-audit-checkpoint-v1\n").endsWith((String) newest.get("merkleRoot"));

    PublicKey key = KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) newest.get("publicKey"))));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update(message.getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getDecoder().decode((String) newest.get("signature")))).isTrue();

    // Nothing was appended since: the root recomputes from the chain heads as they are now.
    assertThat(newest.get("merkleRoot")).isEqualTo(MerkleTree.root(chains.allHeads()));
    assertThat(((Number) newest.get("chains")).longValue()).isEqualTo(chains.allHeads().size());
  }

  @Test
  void securityAndAdminsMayListCheckpointsOtherRolesMayNot() {
    assertThat(get("security").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("admin").getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String user : List.of("sender", "legal", "billing", "sender2")) {
      assertThat(rest.exchange("/api/audit/checkpoints", HttpMethod.GET, new HttpEntity<>(basic(user)), String.class)
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void theRootChangesWhenAnyChainHeadChanges() {
    ChainHead a = new ChainHead("a", null, 1, "11".repeat(32));
    ChainHead b = new ChainHead("b", null, 2, "22".repeat(32));
    ChainHead c = new ChainHead("c", null, 3, "33".repeat(32));
    String root = MerkleTree.root(List.of(a, b, c));
    assertThat(MerkleTree.root(List.of(c, a, b))).isEqualTo(root);
    assertThat(MerkleTree.root(List.of(a, b, new ChainHead("c", null, 4, "33".repeat(32))))).isNotEqualTo(root);
    assertThat(MerkleTree.root(List.of(a, b))).isNotEqualTo(root);
    assertThat(MerkleTree.root(List.of())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void theModelIsCompleteForAnalysts() {
    var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("audit-checkpoint").latestVersion().singleResult();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getName()).as(node.getId()).isNotBlank();
      assertThat(model.getModelElementsByType(BpmnShape.class))
          .as("shape for " + node.getId()).anyMatch(s -> s.getBpmnElement() == node);
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(model.getModelElementsByType(BpmnEdge.class))
          .as("edge for " + flow.getId()).anyMatch(e -> e.getBpmnElement() == flow);
    }
    ServiceTask task = model.getModelElementById("signCheckpoint");
    assertThat(task.isCamundaAsyncBefore()).isTrue();
    assertThat(task.getCamundaDelegateExpression()).isEqualTo("${auditCheckpointDelegate}");
    assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate")).isEqualTo("io.sigill.audit.checkpoint");
    assertThat(definition.getHistoryTimeToLive()).isNotNull();
  }

  private ResponseEntity<Map<String, Object>> get(String user) {
    return rest.exchange("/api/audit/checkpoints", HttpMethod.GET, new HttpEntity<>(basic(user)), JSON);
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }
}
