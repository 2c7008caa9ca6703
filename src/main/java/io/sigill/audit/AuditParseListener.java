package io.sigill.audit;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts the audit listeners on every process as it is deployed: process start/end, start/end of
 * every activity at any depth (walked after the whole process is parsed, so element types added
 * in later engine versions are covered too), and create/assignment/complete of every user task.
 * Built-in listeners, so they run even when an operator skips custom listeners in Cockpit.
 */
final class AuditParseListener extends AbstractBpmnParseListener {

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final EngineStepRecorder recorder;

  AuditParseListener(EngineStepRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
        (ExecutionListener) e -> recorder.execution(AuditEventType.PROCESS_STARTED, e, true));
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
        (ExecutionListener) e -> recorder.execution(AuditEventType.PROCESS_ENDED, e, true));
    addToActivities(processDefinition);
  }

  private void addToActivities(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      // The body of a multi-instance activity only wraps it; its instances are recorded.
      if (!activity.getId().endsWith(MULTI_INSTANCE_BODY)) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) e -> recorder.execution(AuditEventType.ACTIVITY_STARTED, e, false));
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
            (ExecutionListener) e -> recorder.execution(AuditEventType.ACTIVITY_ENDED, e, false));
      }
      addToActivities(activity);
    }
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
        t -> recorder.task(AuditEventType.TASK_CREATED, t));
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
        t -> recorder.task(AuditEventType.TASK_ASSIGNED, t));
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
        t -> recorder.task(AuditEventType.TASK_COMPLETED, t));
  }
}
