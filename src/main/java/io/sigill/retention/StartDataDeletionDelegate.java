package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;
import static io.sigill.retention.RetentionProcessVariables.DOCUMENT_ID;
import static io.sigill.retention.RetentionProcessVariables.ORG_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Start data deletion": Starts the data-deletion process for the document whose retention ended. Referenced as {@code ${startDataDeletionDelegate}}. */
@Component("startDataDeletionDelegate")
class StartDataDeletionDelegate implements JavaDelegate {

  private final RetentionSteps steps;

  StartDataDeletionDelegate(RetentionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(DELETION_REQUEST_ID, steps.startDeletion(execution.getProcessBusinessKey(),
        (String) execution.getVariable(DOCUMENT_ID), (String) execution.getVariable(ORG_ID)));
  }
}
