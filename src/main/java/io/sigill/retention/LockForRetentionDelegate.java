package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DOCUMENT_ID;
import static io.sigill.retention.RetentionProcessVariables.ORG_ID;
import static io.sigill.retention.RetentionProcessVariables.RETAIN_UNTIL;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Lock for retention period": Locks the document until the org's retention period ends and sets the timer date. Referenced as {@code ${lockForRetentionDelegate}}. */
@Component("lockForRetentionDelegate")
class LockForRetentionDelegate implements JavaDelegate {

  private final RetentionSteps steps;

  LockForRetentionDelegate(RetentionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant until = steps.lockForRetention(execution.getProcessBusinessKey(), (String) execution.getVariable(DOCUMENT_ID),
        (String) execution.getVariable(ORG_ID));
    execution.setVariable(RETAIN_UNTIL, Date.from(until));
  }
}
