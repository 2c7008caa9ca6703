package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.LEGAL_HOLD_ID;
import static io.sigill.retention.RetentionProcessVariables.DECIDED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Lift legal hold": releases a legal hold and unlocks documents no other hold covers. Referenced as {@code ${liftLegalHoldDelegate}}. */
@Component("liftLegalHoldDelegate")
class LiftLegalHoldDelegate implements JavaDelegate {

  private final LegalHoldSteps steps;

  LiftLegalHoldDelegate(LegalHoldSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.lift(string(execution, LEGAL_HOLD_ID), string(execution, DECIDED_BY));
  }

  private static String string(DelegateExecution execution, String name) {
    return (String) execution.getVariable(name);
  }
}
