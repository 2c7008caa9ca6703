package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.SIGNER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Email reminder": emails a waiting signer a new link, once per reminder. Referenced as {@code ${emailReminderDelegate}}. */
@Component("emailReminderDelegate")
class EmailReminderDelegate implements JavaDelegate {

  private final SigningSteps steps;

  EmailReminderDelegate(SigningSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.emailReminder((String) execution.getVariable(SIGNER_ID), execution.getId());
  }
}
