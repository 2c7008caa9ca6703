package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DECIDED_BY;
import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record deletion rejection": Marks the deletion request as rejected by compliance. Referenced as {@code ${rejectDeletionDelegate}}. */
@Component("rejectDeletionDelegate")
class RejectDeletionDelegate implements JavaDelegate {

  private final DeletionSteps steps;

  RejectDeletionDelegate(DeletionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.reject((String) execution.getVariable(DELETION_REQUEST_ID), (String) execution.getVariable(DECIDED_BY));
  }
}
