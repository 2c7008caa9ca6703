package io.sigill.identity;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure every role exists as a Camunda group with what it needs: Tasklist access and a task
 * filter for operations roles, everything for camunda-admin. Idempotent; runs at every start.
 */
@Component
@Order(20)
class RoleSetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RoleSetup.class);
  static final String MY_TASKS_FILTER = "My tasks";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  RoleSetup(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Role role : Role.values()) {
      ensureGroup(role);
    }
    for (Resource resource : Resources.values()) {
      grant(Role.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    Filter myTasks = ensureFilter(MY_TASKS_FILTER, "Tasks assigned to me", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    for (Role role : Role.values()) {
      if (!role.isOperations()) {
        continue;
      }
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(role, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
      grant(role, Resources.FILTER, myTasks.getId(), Permissions.READ);
      Filter own = ensureFilter(role.displayName() + " tasks", "Open tasks for the " + role.groupId() + " role", 0,
          taskService.createTaskQuery().taskCandidateGroup(role.groupId()).includeAssignedTasks());
      grant(role, Resources.FILTER, own.getId(), Permissions.READ);
    }
    log.info("Roles ready: {} Camunda groups with Tasklist access and task filters", Role.values().length);
  }

  private void ensureGroup(Role role) {
    if (identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(role.groupId());
    group.setName(role.displayName());
    group.setType(role == Role.CAMUNDA_ADMIN ? "SYSTEM" : "WORKFLOW");
    identityService.saveGroup(group);
  }

  private void grant(Role role, Resource resource, String resourceId, Permission permission) {
    boolean exists =
        authorizationService.createAuthorizationQuery()
                .groupIdIn(role.groupId())
                .resourceType(resource)
                .resourceId(resourceId)
                .hasPermission(permission)
                .count()
            > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(role.groupId());
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }

  private Filter ensureFilter(String name, String description, int priority,
      org.camunda.bpm.engine.task.TaskQuery query) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true));
    return filterService.saveFilter(filter);
  }
}
