package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.SIGNATURE_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Email cancellation notice": tells the signers who got a link that the request was cancelled. Referenced as {@code ${emailCancellationNoticeDelegate}}. */
@Component("emailCancellationNoticeDelegate")
class EmailCancellationNoticeDelegate implements JavaDelegate {

  private final SigningSteps steps;

  EmailCancellationNoticeDelegate(SigningSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.emailCancellationNotice((String) execution.getVariable(SIGNATURE_REQUEST_ID));
  }
}
