package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.ANY_DEFERRED;
import static io.sigill.retention.RetentionProcessVariables.DECIDED_BY;
import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Delete documents": Crypto-shreds each affected document, deferring those under hold or retention; sets anyDeferred. Referenced as {@code ${deleteDocumentsDelegate}}. */
@Component("deleteDocumentsDelegate")
class DeleteDocumentsDelegate implements JavaDelegate {

  private final DeletionSteps steps;

  DeleteDocumentsDelegate(DeletionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ANY_DEFERRED, steps.deleteDocuments((String) execution.getVariable(DELETION_REQUEST_ID),
        (String) execution.getVariable(DECIDED_BY)));
  }
}
