package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.SIGNATURE_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Email decline notice": tells the sender and the signers that a signer declined. Referenced as {@code ${emailDeclineNoticeDelegate}}. */
@Component("emailDeclineNoticeDelegate")
class EmailDeclineNoticeDelegate implements JavaDelegate {

  private final SigningSteps steps;

  EmailDeclineNoticeDelegate(SigningSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.emailDeclineNotice((String) execution.getVariable(SIGNATURE_REQUEST_ID));
  }
}
