package io.sigill.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigill.process.ModelValidator.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule against a fixture broken in that one way; the good fixture uses every rule's allowed forms
 * (listener and message-event delegates, boundary events on their host, steps inside an expanded subprocess).
 */
class ModelValidatorTests {

  static final Set<String> BEANS = Set.of("notifyOrgs", "recordStep");
  static final String ROLES = "name one of the roles: sender, org-admin, compliance, legal, security, billing, camunda-admin";

  static Path fixture(String name) {
    return Path.of(System.getProperty("sigill.model-dir", "."), "src/test/resources/models", name);
  }

  static List<String> findings(String fixture, Set<String> beans) {
    return new ModelValidator(beans).validate(fixture(fixture)).stream().map(Finding::toString).toList();
  }

  static List<String> findings(String fixture) {
    return findings(fixture, BEANS);
  }

  @Test
  void goodModelsPassEveryRule() {
    assertThat(findings("good")).isEmpty();
  }

  @Test
  void folderWithoutModelsHasNoFindings(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("bpmn"));

    assertThat(new ModelValidator(Set.of()).validate(dir)).isEmpty();
  }

  @Test
  void filesThatDoNotParseAreReportedWithTheirLine() {
    List<String> findings = findings("broken-parse");

    assertThat(findings).hasSize(5);
    assertThat(findings.get(0)).startsWith("bpmn/unclosed.dmn:line 4: is not valid DMN: ").contains("\"decision\"");
    assertThat(findings.get(1)).startsWith("bpmn/unknown-element.bpmn:line 7: is not valid BPMN: ")
        .contains("element 'approver'").doesNotContain("http://", "cvc-");
    assertThat(findings.subList(2, 5)).containsExactly(
        "forms/no-components.form:no-components: form has no list of fields (\"components\"); "
            + "save it again from Camunda Modeler",
        "forms/no-id.form: form has no id; set the form's ID in Camunda Modeler so tasks can refer to it",
        "forms/not-json.form:line 4: is not valid JSON: Unexpected close marker '}': expected ']'");
  }

  @Test
  void delegateExpressionMustNameAKnownBeanAsBeanName() {
    assertThat(findings("broken-delegate")).containsExactly(
        "bpmn/delegates.bpmn:Task_UnknownBean: calls delegate \"sendFax\" but the code has no delegate bean of that "
            + "name; known delegates: notifyOrgs, recordStep",
        "bpmn/delegates.bpmn:Task_UnknownBean: calls delegate \"auditTrail\" but the code has no delegate bean of "
            + "that name; known delegates: notifyOrgs, recordStep",
        "bpmn/delegates.bpmn:Task_MethodCall: delegate expression \"${notifyOrgs.execute(execution)}\" must name one "
            + "delegate bean as ${beanName}",
        "bpmn/delegates.bpmn:Task_JavaClass: refers to the Java class \"io.sigill.audit.RecordStep\"; call a delegate "
            + "bean as ${beanName} instead");
  }

  @Test
  void delegateOfAMessageEventIsReportedOnTheEventNotItsDefinition() {
    assertThat(findings("broken-async", Set.of("recordStep")))
        .contains("bpmn/async.bpmn:End_Message: calls delegate \"notifyOrgs\" but the code has no delegate bean of "
            + "that name; known delegates: recordStep")
        .noneMatch(finding -> finding.contains("MessageDefinition_"));
  }

  @Test
  void formReferenceMustNameTheIdOfAFormInForms() {
    assertThat(findings("broken-form-ref")).containsExactlyInAnyOrder(
        "bpmn/forms.bpmn:Start_Request: uses form \"review-request\" but no form in forms/ has that id; "
            + "forms found: incident-report",
        "bpmn/forms.bpmn:Task_Review: uses form \"review-form\" but no form in forms/ has that id; "
            + "forms found: incident-report");
  }

  @Test
  void userTaskNeedsCandidateGroupsThatAreRolesNotExpressions() {
    assertThat(findings("broken-candidate-groups")).containsExactly(
        "bpmn/groups.bpmn:Task_NoGroup: user task has no candidate group; " + ROLES,
        "bpmn/groups.bpmn:Task_Expression: candidate group \"${reviewerGroup}\" is an expression; " + ROLES,
        "bpmn/groups.bpmn:Task_UnknownRole: candidate group \"managers\" is not a role; " + ROLES);
  }

  @Test
  void executableProcessAndDecisionNeedHistoryTimeToLive() {
    assertThat(findings("broken-history-ttl")).containsExactly(
        "bpmn/history.bpmn:broken-history-ttl: process has no history time to live; set \"History cleanup > "
            + "Time to live\" (days) so the engine can delete old history",
        "bpmn/severity.dmn:Decision_Severity: decision has no history time to live; set \"History cleanup > "
            + "Time to live\" (days) so the engine can delete old history");
  }

  @Test
  void stepsThatCallOutMustBeAsynchronousWithRetryCycle() {
    String notAsync = " is not asynchronous; tick \"Asynchronous continuations > Before\" so a failure is retried on "
        + "its own instead of undoing the steps before it";
    String noRetry = " has no retry time cycle; set \"Retry time cycle\" (e.g. R3/PT5M) under asynchronous continuations";

    // External tasks are retried by their worker; camunda:async is the engine's older name for asyncBefore.
    assertThat(findings("broken-async")).containsExactlyInAnyOrder(
        "bpmn/async.bpmn:Task_NotAsync: service task" + notAsync,
        "bpmn/async.bpmn:Task_NotAsync: service task" + noRetry,
        "bpmn/async.bpmn:Task_NoRetry: send task" + noRetry,
        "bpmn/async.bpmn:Throw_Message: intermediate throw event" + noRetry,
        "bpmn/async.bpmn:End_Message: end event" + notAsync);
  }

  @Test
  void everyDelegateBeanNeedsAnElementTemplate() {
    // notify.json holds a single template (not an array) and covers notifyOrgs; recordStep's template binds
    // camunda:expression, which does not count.
    assertThat(findings("broken-templates", Set.of("notifyOrgs", "recordStep", "sendReminder"))).containsExactlyInAnyOrder(
        "bpmn/.camunda/element-templates/unfinished.json:line 1: is not valid JSON: Unexpected end-of-input: "
            + "expected close marker for Object",
        "bpmn/.camunda/element-templates:recordStep: no element template for delegate bean",
        "bpmn/.camunda/element-templates:sendReminder: no element template for delegate bean");
  }

  @Test
  void everyStepIsNamedAndDrawnWithoutOverlaps() {
    assertThat(findings("broken-diagram")).containsExactlyInAnyOrder(
        "bpmn/diagram.bpmn:Task_Unnamed: user task has no name; give it a short name in plain words",
        "bpmn/diagram.bpmn:Gateway_Unnamed: exclusive gateway has no name; give it a short name in plain words",
        "bpmn/diagram.bpmn:Task_Undrawn: user task is missing from the diagram; open the file in Camunda Modeler "
            + "and place it",
        "bpmn/diagram.bpmn:Flow_5: arrow from Gateway_Unnamed to \"Work done\" (End) is missing from the diagram; "
            + "draw it again in Camunda Modeler",
        "bpmn/diagram.bpmn:Task_Unnamed: user task lies on top of \"Write the report\" (Task_OnTop) in the diagram; "
            + "move one of them apart");
  }
}
