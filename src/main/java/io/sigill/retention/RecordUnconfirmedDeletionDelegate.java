package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record unconfirmed request": Ends a data subject's deletion request that was never confirmed and forgets their address. Referenced as {@code ${recordUnconfirmedDeletionDelegate}}. */
@Component("recordUnconfirmedDeletionDelegate")
class RecordUnconfirmedDeletionDelegate implements JavaDelegate {

  private final DeletionSteps steps;

  RecordUnconfirmedDeletionDelegate(DeletionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.lapse((String) execution.getVariable(DELETION_REQUEST_ID));
  }
}
