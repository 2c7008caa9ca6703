package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Erase personal data": Destroys the audit subject keys of the people of fully deleted requests. Referenced as {@code ${erasePersonalDataDelegate}}. */
@Component("erasePersonalDataDelegate")
class ErasePersonalDataDelegate implements JavaDelegate {

  private final DeletionSteps steps;

  ErasePersonalDataDelegate(DeletionSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.erasePersonalData((String) execution.getVariable(DELETION_REQUEST_ID));
  }
}
