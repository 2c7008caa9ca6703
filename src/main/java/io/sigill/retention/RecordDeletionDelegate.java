package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.ANY_DEFERRED;
import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record deletion outcome": Marks the request completed (or deferred) and audits the completion. Referenced as {@code ${recordDeletionDelegate}}. */
@Component("recordDeletionDelegate")
class RecordDeletionDelegate implements JavaDelegate {

  private final DeletionSteps steps;

  RecordDeletionDelegate(DeletionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.complete((String) execution.getVariable(DELETION_REQUEST_ID), Boolean.TRUE.equals(execution.getVariable(ANY_DEFERRED)));
  }
}
