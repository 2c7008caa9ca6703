package io.sigill.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.identity.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;

/** bpmn/security-incident.bpmn follows the house rules, so analysts can open it and retries are safe. */
class SecurityIncidentModelTests {

  private static final Path ROOT = Path.of(System.getProperty("sigill.model-dir", "."));
  private final BpmnModelInstance model = Bpmn.readModelFromFile(ROOT.resolve("bpmn/security-incident.bpmn").toFile());

  @Test
  void processIsExecutableWithHistoryTimeToLive() {
    Process process = model.getModelElementById("security-incident");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void everyFlowNodeIsNamedAndDrawnWithoutOverlapAndEveryFlowHasAnEdge() {
    Map<String, Bounds> shapes = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
      assertThat(shapes).as("shape of %s", node.getId()).containsKey(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      BpmnEdge edge = model.getModelElementsByType(BpmnEdge.class).stream()
          .filter(e -> e.getBpmnElement() == flow).findFirst().orElseThrow(() -> new AssertionError("no edge for " + flow.getId()));
      assertThat(edge.getWaypoints()).hasSizeGreaterThanOrEqualTo(2);
    }
    var boxes = model.getModelElementsByType(FlowNode.class).stream()
        .filter(n -> !(n instanceof BoundaryEvent)).map(n -> Map.entry(n.getId(), shapes.get(n.getId()))).toList();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        Bounds a = boxes.get(i).getValue();
        Bounds b = boxes.get(j).getValue();
        boolean overlap = a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
            && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
        assertThat(overlap).as("%s overlaps %s", boxes.get(i).getKey(), boxes.get(j).getKey()).isFalse();
      }
    }
    BoundaryEvent timer = model.getModelElementById("Timer_NotificationDeadline");
    Bounds task = shapes.get(timer.getAttachedTo().getId());
    Bounds event = shapes.get(timer.getId());
    assertThat(event.getY() + event.getHeight() / 2).as("timer sits on the bottom edge").isEqualTo(task.getY() + task.getHeight());
    assertThat(timer.cancelActivity()).isFalse();
  }

  @Test
  void everyServiceTaskIsAsyncRetriedByDelegateExpressionWithAMatchingTemplate() throws Exception {
    Map<String, String> templates = templatesById();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.isCamundaAsyncBefore()).as("asyncBefore of %s", task.getId()).isTrue();
      assertThat(task.getCamundaClass()).isNull();
      assertThat(task.getCamundaExpression()).isNull();
      assertThat(task.getCamundaDelegateExpression()).matches("\\$\\{[a-zA-Z]+Delegate}");
      CamundaFailedJobRetryTimeCycle cycle =
          task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult();
      assertThat(cycle.getTextContent()).isEqualTo("R5/PT1M");
      String templateId = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
      assertThat(templates).as("template %s", templateId).containsEntry(templateId, task.getCamundaDelegateExpression());
    }
  }

  @Test
  void everyUserTaskHasRoleCandidateGroupsAndAnExistingForm() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(Arrays.stream(task.getCamundaCandidateGroups().split(",")).map(String::trim))
          .as("candidate groups of %s", task.getId()).isNotEmpty().allMatch(Role::isKnownGroup);
      String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      JsonNode form = json.readTree(ROOT.resolve("forms/" + formRef + ".form").toFile());
      assertThat(form.get("id").asText()).isEqualTo(formRef);
      assertThat(form.get("type").asText()).isEqualTo("default");
    }
  }

  private static Map<String, String> templatesById() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> byId = new HashMap<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("bpmn/.camunda/element-templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode template = json.readTree(file.toFile());
        for (JsonNode property : template.get("properties")) {
          if ("camunda:delegateExpression".equals(property.at("/binding/name").asText())) {
            byId.put(template.get("id").asText(), property.get("value").asText());
          }
        }
      }
    }
    return byId;
  }
}
