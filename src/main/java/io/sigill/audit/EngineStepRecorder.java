package io.sigill.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * Turns an engine step into an audit event. The transaction id is the business key of the process
 * instance, or of the nearest calling instance that has one; an instance tree without any business
 * key is recorded under {@code process:<root process instance id>} with no org. The org comes from
 * the {@code orgId} process variable when set; otherwise the chain keeps the org its domain events
 * gave it. The actor is the authenticated user of the engine command, else {@code system}.
 */
final class EngineStepRecorder {

  /** Processes whose steps are not chained: the checkpoint run is itself stored as evidence. */
  static final Set<String> UNRECORDED_PROCESSES = Set.of("audit-checkpoint");
  static final String ORG_VARIABLE = "orgId";

  private static final int ORGS_KEPT = 10_000;

  private final AuditTrail trail;
  /**
   * The org of recent process instances. Once set, an instance's org is its chain's for good (the
   * trail refuses events of another org), so it is read from the engine once, not for every step
   * (which made the engine load the instance's variables in every command).
   */
  private final Map<String, String> orgs = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > ORGS_KEPT;
    }
  });

  EngineStepRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  void execution(AuditEventType type, DelegateExecution delegate, boolean processLevel) {
    ExecutionEntity execution = (ExecutionEntity) delegate;
    if (UNRECORDED_PROCESSES.contains(definitionOf(execution).getKey())) {
      return;
    }
    Map<String, Object> payload = definitionFacts(execution);
    if (!processLevel) {
      payload.put("activityId", execution.getCurrentActivityId());
      payload.put("activityName", execution.getCurrentActivityName());
      if (execution.getActivity() != null) {
        payload.put("activityType", execution.getActivity().getProperty("type"));
      }
    }
    trail.recordLater(type, transactionIdOf(execution), orgOf(execution), actor(null), payload);
  }

  void task(AuditEventType type, DelegateTask task) {
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    if (execution == null || UNRECORDED_PROCESSES.contains(definitionOf(execution).getKey())) {
      return;
    }
    Map<String, Object> payload = definitionFacts(execution);
    payload.put("activityId", task.getTaskDefinitionKey());
    payload.put("activityName", task.getName());
    payload.put("taskId", task.getId());
    payload.put("assignee", task.getAssignee());
    String fallback = type == AuditEventType.TASK_COMPLETED ? task.getAssignee() : null;
    trail.recordLater(type, transactionIdOf(execution), orgOf(execution), actor(fallback), payload);
  }

  /** Records an incident on an execution; the engine's message is not kept (it may hold anything). */
  void incident(AuditEventType type, String executionId, String incidentType, String activityId) {
    CommandContext context = Context.getCommandContext();
    if (executionId == null || context == null) {
      return;
    }
    ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
    if (execution == null || UNRECORDED_PROCESSES.contains(definitionOf(execution).getKey())) {
      return;
    }
    Map<String, Object> payload = definitionFacts(execution);
    payload.put("activityId", activityId);
    payload.put("incidentType", incidentType);
    trail.recordLater(type, transactionIdOf(execution), orgOf(execution), actor(null), payload);
  }

  private static Map<String, Object> definitionFacts(ExecutionEntity execution) {
    Map<String, Object> facts = new LinkedHashMap<>();
    ProcessDefinitionEntity definition = definitionOf(execution);
    facts.put("processDefinitionKey", definition.getKey());
    facts.put("processDefinitionVersion", definition.getVersion());
    facts.put("processInstanceId", execution.getProcessInstanceId());
    return facts;
  }

  private static ProcessDefinitionEntity definitionOf(ExecutionEntity execution) {
    return (ProcessDefinitionEntity) execution.getProcessDefinition();
  }

  static String transactionIdOf(ExecutionEntity execution) {
    ExecutionEntity instance = execution.getProcessInstance();
    while (true) {
      if (instance.getBusinessKey() != null && !instance.getBusinessKey().isBlank()) {
        return instance.getBusinessKey();
      }
      ExecutionEntity caller = instance.getSuperExecution();
      if (caller == null) {
        return "process:" + instance.getId();
      }
      instance = caller.getProcessInstance();
    }
  }

  /**
   * The {@code orgId} process variable. Read on the process instance: its variables are loaded once
   * per engine command, where asking the step's own execution would load the variables of every
   * scope on the way up (a query per scope, per step).
   */
  private String orgOf(ExecutionEntity execution) {
    ExecutionEntity instance = execution.getProcessInstance();
    if (instance == null) {
      return orgIn(execution.getVariable(ORG_VARIABLE));
    }
    String known = orgs.get(instance.getId());
    if (known != null) {
      return known;
    }
    String org = orgIn(instance.getVariableLocal(ORG_VARIABLE));
    if (org != null) {
      orgs.put(instance.getId(), org);
    }
    return org;
  }

  private static String orgIn(Object variable) {
    return variable instanceof String text && !text.isBlank() ? text : null;
  }

  private static String actor(String fallback) {
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user != null) {
      return Actor.user(user);
    }
    return fallback != null ? Actor.user(fallback) : Actor.SYSTEM;
  }
}
