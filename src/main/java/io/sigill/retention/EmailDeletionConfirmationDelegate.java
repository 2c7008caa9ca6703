package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Email confirmation link": Emails a data subject the link that confirms their deletion request; sends once whatever the retries. Referenced as {@code ${emailDeletionConfirmationDelegate}}. */
@Component("emailDeletionConfirmationDelegate")
class EmailDeletionConfirmationDelegate implements JavaDelegate {

  private final DeletionSteps steps;

  EmailDeletionConfirmationDelegate(DeletionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.emailConfirmation((String) execution.getVariable(DELETION_REQUEST_ID));
  }
}
