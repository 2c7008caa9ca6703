package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.SIGNER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Email signing link": emails the signer a link with a fresh token, once. Referenced as {@code ${emailSigningLinkDelegate}}. */
@Component("emailSigningLinkDelegate")
class EmailSigningLinkDelegate implements JavaDelegate {

  private final SigningSteps steps;

  EmailSigningLinkDelegate(SigningSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.emailSigningLink((String) execution.getVariable(SIGNER_ID));
  }
}
