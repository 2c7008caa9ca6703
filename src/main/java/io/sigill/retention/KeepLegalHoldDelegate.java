package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.LEGAL_HOLD_ID;
import static io.sigill.retention.RetentionProcessVariables.APPROVED;
import static io.sigill.retention.RetentionProcessVariables.COMMENT;
import static io.sigill.retention.RetentionProcessVariables.DECIDED_BY;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Keep hold active": returns a legal hold whose release was refused to active. Referenced as {@code ${keepLegalHoldDelegate}}. */
@Component("keepLegalHoldDelegate")
class KeepLegalHoldDelegate implements JavaDelegate {

  private final LegalHoldSteps steps;

  KeepLegalHoldDelegate(LegalHoldSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.keepActive(string(execution, LEGAL_HOLD_ID), string(execution, DECIDED_BY));
    // The next approval (of a release) starts with a blank form.
    execution.removeVariables(List.of(APPROVED, COMMENT));
  }

  private static String string(DelegateExecution execution, String name) {
    return (String) execution.getVariable(name);
  }
}
