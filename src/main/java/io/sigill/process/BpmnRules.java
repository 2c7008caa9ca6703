package io.sigill.process;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.BPMN20_NS;
import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import io.sigill.identity.Role;
import io.sigill.process.ModelValidator.Finding;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Sigill's engine rules for one BPMN file: delegates, forms, candidate groups, history and retries. */
final class BpmnRules {

  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
  private static final String ROLES =
      Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.joining(", "));
  private static final List<String> IMPLEMENTATIONS = List.of("delegateExpression", "class", "expression");

  private final String file;
  private final BpmnModelInstance model;
  private final List<Finding> findings;

  private BpmnRules(String file, BpmnModelInstance model, List<Finding> findings) {
    this.file = file;
    this.model = model;
    this.findings = findings;
  }

  /** Checks one parsed model; {@code forms} maps form id to file, {@code delegateBeans} are the bean names. */
  static void check(String file, BpmnModelInstance model, Set<String> delegateBeans, Map<String, String> forms,
      List<Finding> findings) {
    var rules = new BpmnRules(file, model, findings);
    rules.delegates(model.getDocument().getRootElement(), delegateBeans);
    rules.formReferences(forms.keySet());
    rules.candidateGroups();
    rules.historyTimeToLive();
    rules.retriedSteps();
  }

  /** Walks the XML rather than the typed model so listeners and event definitions are covered too. */
  private void delegates(DomElement element, Set<String> delegateBeans) {
    String expression = element.getAttribute(CAMUNDA_NS, "delegateExpression");
    if (expression != null) {
      Matcher bean = BEAN_REFERENCE.matcher(expression.strip());
      if (!bean.matches()) {
        add(element, "delegate expression \"" + expression + "\" must name one delegate bean as ${beanName}");
      } else if (!delegateBeans.contains(bean.group(1))) {
        add(element, "calls delegate \"" + bean.group(1) + "\" but the code has no delegate bean of that name; "
            + "known delegates: " + (delegateBeans.isEmpty() ? "none" : String.join(", ", delegateBeans)));
      }
    }
    String javaClass = element.getAttribute(CAMUNDA_NS, "class");
    if (javaClass != null) {
      // A class name bypasses Spring: no injected settings, and a renamed class breaks running instances.
      add(element, "refers to the Java class \"" + javaClass + "\"; call a delegate bean as ${beanName} instead");
    }
    for (DomElement child : element.getChildElements()) {
      delegates(child, delegateBeans);
    }
  }

  private void formReferences(Set<String> formIds) {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!(node instanceof UserTask || node instanceof StartEvent)) {
        continue;
      }
      String formRef = node.getDomElement().getAttribute(CAMUNDA_NS, "formRef");
      if (formRef != null && !formIds.contains(formRef)) {
        add(node, "uses form \"" + formRef + "\" but no form in forms/ has that id; forms found: "
            + (formIds.isEmpty() ? "none" : String.join(", ", formIds)));
      }
    }
  }

  private void candidateGroups() {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String groups = task.getCamundaCandidateGroups();
      if (groups == null || groups.isBlank()) {
        add(task, "user task has no candidate group; name one of the roles: " + ROLES);
        continue;
      }
      for (String group : groups.split(",")) {
        String name = group.strip();
        if (name.contains("${") || name.contains("#{")) {
          // Tasklist filters and authorizations are per role; a computed group would hide the task from them.
          add(task, "candidate group \"" + name + "\" is an expression; name one of the roles: " + ROLES);
        } else if (!Role.isKnownGroup(name)) {
          add(task, "candidate group \"" + name + "\" is not a role; name one of the roles: " + ROLES);
        }
      }
    }
  }

  private void historyTimeToLive() {
    for (Process process : model.getModelElementsByType(Process.class)) {
      String ttl = process.getCamundaHistoryTimeToLiveString();
      if (process.isExecutable() && (ttl == null || ttl.isBlank())) {
        add(process, "process has no history time to live; set \"History cleanup > Time to live\" "
            + "(days) so the engine can delete old history");
      }
    }
  }

  /** Steps that reach the outside world run in their own transaction and are retried, never rolled back. */
  private void retriedSteps() {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!callsOut(node)) {
        continue;
      }
      DomElement dom = node.getDomElement();
      if (!"true".equals(dom.getAttribute(CAMUNDA_NS, "asyncBefore"))
          && !"true".equals(dom.getAttribute(CAMUNDA_NS, "async"))) {
        add(node, words(node) + " is not asynchronous; tick \"Asynchronous continuations > Before\" so a failure "
            + "is retried on its own instead of undoing the steps before it");
      }
      if (!hasRetryCycle(dom)) {
        add(node, words(node) + " has no retry time cycle; set \"Retry time cycle\" (e.g. R3/PT5M) under "
            + "asynchronous continuations");
      }
    }
  }

  private static boolean callsOut(FlowNode node) {
    DomElement dom = node.getDomElement();
    if ("external".equals(dom.getAttribute(CAMUNDA_NS, "type"))) {
      return false; // an external worker fetches and retries the job itself
    }
    if (node instanceof ServiceTask || node instanceof SendTask || hasImplementation(dom)) {
      return true;
    }
    return dom.getChildElementsByNameNs(BPMN20_NS, "messageEventDefinition").stream()
        .anyMatch(BpmnRules::hasImplementation);
  }

  private static boolean hasImplementation(DomElement element) {
    return IMPLEMENTATIONS.stream().anyMatch(attribute -> element.hasAttribute(CAMUNDA_NS, attribute));
  }

  private static boolean hasRetryCycle(DomElement dom) {
    return dom.getChildElementsByNameNs(BPMN20_NS, "extensionElements").stream()
        .flatMap(extensions -> extensions.getChildElementsByNameNs(CAMUNDA_NS, "failedJobRetryTimeCycle").stream())
        .anyMatch(cycle -> cycle.getTextContent() != null && !cycle.getTextContent().isBlank());
  }

  /** "serviceTask" becomes "service task": the words the analyst sees in the Modeler. */
  static String words(ModelElementInstance element) {
    return element.getElementType().getTypeName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private void add(ModelElementInstance element, String message) {
    add(element.getDomElement(), message);
  }

  /** Listeners and event definitions are not selectable in the Modeler: report the step or process they belong to. */
  private void add(DomElement element, String message) {
    String nearestId = null;
    for (DomElement owner = element; owner != null; owner = owner.getParentElement()) {
      String id = owner.getAttribute("id");
      if (id == null) {
        continue;
      }
      nearestId = nearestId == null ? id : nearestId;
      ModelElementInstance instance = model.getModelElementById(id);
      if (instance instanceof FlowElement || instance instanceof Process) {
        nearestId = id;
        break;
      }
    }
    findings.add(new Finding(file, nearestId == null ? "" : nearestId, message));
  }
}
