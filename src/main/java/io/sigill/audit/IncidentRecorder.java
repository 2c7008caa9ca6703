package io.sigill.audit;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;

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

  /**
   * The engine asks every handler to resolve after each successful job, incident or not; only a
   * job that really had an open incident is recorded. Depending on the handler order the default
   * handler may already have resolved it in this command, so both states count.
   */
  @Override
  public void resolveIncident(IncidentContext context) {
    if (hadIncident(context)) {
      recorder.incident(AuditEventType.INCIDENT_RESOLVED, context.getExecutionId(), type, context.getActivityId());
    }
  }

  private boolean hadIncident(IncidentContext context) {
    CommandContext command = Context.getCommandContext();
    if (command == null || context.getConfiguration() == null) {
      return false;
    }
    boolean open = command.getIncidentManager().findIncidentByConfiguration(context.getConfiguration()).stream()
        .anyMatch(i -> type.equals(i.getIncidentType()));
    boolean resolvedNow = command.getDbEntityManager().getCachedEntitiesByType(IncidentEntity.class).stream()
        .anyMatch(i -> context.getConfiguration().equals(i.getConfiguration()) && type.equals(i.getIncidentType()));
    return open || resolvedNow;
  }

  @Override
  public void deleteIncident(IncidentContext context) {
    // Deleted with its instance or job; the instance's own end is already recorded.
  }
}
