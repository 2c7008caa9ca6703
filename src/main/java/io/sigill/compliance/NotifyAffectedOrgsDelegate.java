package io.sigill.compliance;

import static io.sigill.compliance.IncidentProcessVariables.AFFECTED_ORGS;
import static io.sigill.compliance.IncidentProcessVariables.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Email affected organisations": emails every org-admin of each affected org, once. Referenced as {@code ${notifyAffectedOrgsDelegate}}. */
@Component("notifyAffectedOrgsDelegate")
class NotifyAffectedOrgsDelegate implements JavaDelegate {

  private final IncidentHandling handling;

  NotifyAffectedOrgsDelegate(IncidentHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handling.notifyAffectedOrgs(
        (String) execution.getVariable(INCIDENT_ID), (String) execution.getVariable(AFFECTED_ORGS));
  }
}
