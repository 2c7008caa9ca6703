package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.LEGAL_HOLD_ID;
import static io.sigill.retention.RetentionProcessVariables.DECIDED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record hold rejection": marks a legal hold as rejected by the second approver. Referenced as {@code ${rejectLegalHoldDelegate}}. */
@Component("rejectLegalHoldDelegate")
class RejectLegalHoldDelegate implements JavaDelegate {

  private final LegalHoldSteps steps;

  RejectLegalHoldDelegate(LegalHoldSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.reject(string(execution, LEGAL_HOLD_ID), string(execution, DECIDED_BY));
  }

  private static String string(DelegateExecution execution, String name) {
    return (String) execution.getVariable(name);
  }
}
