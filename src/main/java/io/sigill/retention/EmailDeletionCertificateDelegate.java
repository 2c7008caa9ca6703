package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Email deletion certificate": Emails the PDF certificate of what was deleted and deferred, once per outcome. Referenced as {@code ${emailDeletionCertificateDelegate}}. */
@Component("emailDeletionCertificateDelegate")
class EmailDeletionCertificateDelegate implements JavaDelegate {

  private final DeletionSteps steps;

  EmailDeletionCertificateDelegate(DeletionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.emailCertificate((String) execution.getVariable(DELETION_REQUEST_ID));
  }
}
