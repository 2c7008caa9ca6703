package io.sigill.compliance;

import static io.sigill.compliance.IncidentProcessVariables.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Confirm receipt to reporter": emails the reporter a receipt, once. Referenced as {@code ${incidentReceiptDelegate}}. */
@Component("incidentReceiptDelegate")
class IncidentReceiptDelegate implements JavaDelegate {

  private final IncidentHandling handling;

  IncidentReceiptDelegate(IncidentHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handling.confirmReceipt((String) execution.getVariable(INCIDENT_ID));
  }
}
