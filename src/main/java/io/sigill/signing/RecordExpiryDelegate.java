package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.SIGNATURE_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record expiry": ends an open request as EXPIRED. Referenced as {@code ${recordExpiryDelegate}}. */
@Component("recordExpiryDelegate")
class RecordExpiryDelegate implements JavaDelegate {

  private final SigningSteps steps;

  RecordExpiryDelegate(SigningSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.recordExpiry((String) execution.getVariable(SIGNATURE_REQUEST_ID));
  }
}
