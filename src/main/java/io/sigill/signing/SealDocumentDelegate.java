package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.SIGNATURE_REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Seal document": stamps, certifies and seals the completed PDF and stores it as the final version. Referenced as {@code ${sealDocumentDelegate}}. */
@Component("sealDocumentDelegate")
class SealDocumentDelegate implements JavaDelegate {

  private final SigningSteps steps;

  SealDocumentDelegate(SigningSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.seal((String) execution.getVariable(SIGNATURE_REQUEST_ID));
  }
}
