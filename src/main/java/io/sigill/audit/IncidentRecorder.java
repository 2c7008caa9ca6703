package io.sigill.audit;

import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * A sub-handler of the engine's composite incident handler for one incident type: the default
 * handler still creates the incident; this one records it in the trail in the same command.
 */
final class IncidentRecorder implements IncidentHandler {

  private final String type;
  private final EngineStepRecorder recorder;

  IncidentRecorder(String type, EngineStepRecorder recorder) {
    this.type = type;
    this.recorder = recorder;
  }

  @Override
  public String getIncidentHandlerType() {
    return type;
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    recorder.incident(AuditEventType.INCIDENT_CREATED, context.getExecutionId(), type, context.getActivityId());
    return null;
  }

  @Override
  public void resolveIncident(IncidentContext context) {
    recorder.incident(AuditEventType.INCIDENT_RESOLVED, context.getExecutionId(), type, context.getActivityId());
  }

  @Override
  public void deleteIncident(IncidentContext context) {
    // Deleted with its instance or job; the instance's own end is already recorded.
  }
}
