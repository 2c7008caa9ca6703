package io.sigill.compliance;

import static io.sigill.compliance.IncidentProcessVariables.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Close incident": marks the incident closed. Referenced as {@code ${closeIncidentDelegate}}. */
@Component("closeIncidentDelegate")
class CloseIncidentDelegate implements JavaDelegate {

  private final IncidentHandling handling;

  CloseIncidentDelegate(IncidentHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handling.close((String) execution.getVariable(INCIDENT_ID));
  }
}
