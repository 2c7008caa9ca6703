package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DOCUMENT_ID;
import static io.sigill.retention.RetentionProcessVariables.UNDER_HOLD;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Check legal hold": Sets underHold when an approved legal hold covers the document. Referenced as {@code ${checkLegalHoldDelegate}}. */
@Component("checkLegalHoldDelegate")
class CheckLegalHoldDelegate implements JavaDelegate {

  private final RetentionSteps steps;

  CheckLegalHoldDelegate(RetentionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(UNDER_HOLD, steps.isHeld((String) execution.getVariable(DOCUMENT_ID)));
  }
}
