package io.sigill.retention;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Completes a process's one open approval task as a given user, as a Tasklist form would. */
final class Approvals {

  private Approvals() {}

  static void decide(TaskService tasks, IdentityService identity, String processInstanceId, String userId,
      boolean approved, String comment) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    identity.setAuthentication(userId, List.of(userId));
    try {
      tasks.complete(task.getId(), Map.of("approved", approved, "comment", comment));
    } finally {
      identity.clearAuthentication();
    }
  }
}
