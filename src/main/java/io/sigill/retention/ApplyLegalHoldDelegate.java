package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.LEGAL_HOLD_ID;
import static io.sigill.retention.RetentionProcessVariables.APPROVED;
import static io.sigill.retention.RetentionProcessVariables.COMMENT;
import static io.sigill.retention.RetentionProcessVariables.DECIDED_BY;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Apply legal hold": activates an approved legal hold and locks its documents in the vault and S3 Object Lock. Referenced as {@code ${applyLegalHoldDelegate}}. */
@Component("applyLegalHoldDelegate")
class ApplyLegalHoldDelegate implements JavaDelegate {

  private final LegalHoldSteps steps;

  ApplyLegalHoldDelegate(LegalHoldSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.apply(string(execution, LEGAL_HOLD_ID), string(execution, DECIDED_BY));
    // The next approval (of a release) starts with a blank form.
    execution.removeVariables(List.of(APPROVED, COMMENT));
  }

  private static String string(DelegateExecution execution, String name) {
    return (String) execution.getVariable(name);
  }
}
