package io.sigill.compliance;

import static io.sigill.compliance.IncidentProcessVariables.AFFECTED_ORGS;
import static io.sigill.compliance.IncidentProcessVariables.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record containment": marks the incident contained and stores the affected orgs. Referenced as {@code ${recordContainmentDelegate}}. */
@Component("recordContainmentDelegate")
class RecordContainmentDelegate implements JavaDelegate {

  private final IncidentHandling handling;

  RecordContainmentDelegate(IncidentHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handling.recordContainment(
        (String) execution.getVariable(INCIDENT_ID), (String) execution.getVariable(AFFECTED_ORGS));
  }
}
