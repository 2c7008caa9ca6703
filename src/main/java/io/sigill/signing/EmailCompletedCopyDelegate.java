package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.SIGNATURE_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Email completed copy": sends the final PDF to every signer and CC, once each. Referenced as {@code ${emailCompletedCopyDelegate}}. */
@Component("emailCompletedCopyDelegate")
class EmailCompletedCopyDelegate implements JavaDelegate {

  private final SigningSteps steps;

  EmailCompletedCopyDelegate(SigningSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.emailCompletedCopy((String) execution.getVariable(SIGNATURE_REQUEST_ID));
  }
}
