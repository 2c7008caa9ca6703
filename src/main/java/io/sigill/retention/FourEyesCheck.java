package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DECIDED_BY;
import static io.sigill.retention.RetentionProcessVariables.REQUESTED_BY;

import io.sigill.audit.Actor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listener "Four eyes" on approval tasks (events create, assignment and complete): the
 * person who asked can neither take nor complete the approval of their own request, whichever
 * client they use. On create the requester's right to work the task is revoked, so Tasklist and
 * engine REST answer 403; the assignment and complete checks refuse any path that skips
 * authorization (Java API, jobs). Records who decided. Referenced as {@code ${fourEyesCheck}}.
 */
@Component("fourEyesCheck")
class FourEyesCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object requester = task.getVariable(REQUESTED_BY);
    if (requester == null || Actor.SYSTEM.equals(requester)) {
      return;
    }
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> revokeWork(task, (String) requester);
      case TaskListener.EVENTNAME_ASSIGNMENT -> refuseIf(requester.equals(task.getAssignee()));
      case TaskListener.EVENTNAME_COMPLETE -> {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String userId = current == null ? null : current.getUserId();
        refuseIf(requester.equals(userId) || requester.equals(task.getAssignee()));
        task.setVariable(DECIDED_BY, userId != null ? userId : task.getAssignee());
      }
      default -> { }
    }
  }

  private static void revokeWork(DelegateTask task, String requester) {
    AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
    // Whoever's action created the task need not be allowed to manage authorizations.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId(requester);
      revoke.setResource(Resources.TASK);
      revoke.setResourceId(task.getId());
      revoke.removePermission(Permissions.UPDATE);
      revoke.removePermission(TaskPermissions.TASK_WORK);
      revoke.removePermission(TaskPermissions.TASK_ASSIGN);
      authorizations.saveAuthorization(revoke);
      return null;
    });
  }

  private static void refuseIf(boolean requesterActs) {
    if (requesterActs) {
      throw new AuthorizationException("Four eyes: the person who made the request cannot approve it; "
          + "another member of legal or compliance must decide.");
    }
  }
}
