package io.sigill.compliance;

import static io.sigill.compliance.IncidentProcessVariables.INCIDENT_ID;
import static io.sigill.compliance.IncidentProcessVariables.PERSONAL_DATA_AFFECTED;
import static io.sigill.compliance.IncidentProcessVariables.SEVERITY;
import static io.sigill.compliance.IncidentProcessVariables.SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record triage": stores severity, summary and the personal-data fact on the incident. Referenced as {@code ${recordTriageDelegate}}. */
@Component("recordTriageDelegate")
class RecordTriageDelegate implements JavaDelegate {

  private final IncidentHandling handling;

  RecordTriageDelegate(IncidentHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handling.recordTriage(
        (String) execution.getVariable(INCIDENT_ID),
        (String) execution.getVariable(SEVERITY),
        (Boolean) execution.getVariable(PERSONAL_DATA_AFFECTED),
        (String) execution.getVariable(SUMMARY));
  }
}
