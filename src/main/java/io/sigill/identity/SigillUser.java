package io.sigill.identity;

import java.io.Serializable;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;

/** The authenticated person behind a request: Camunda user id, their org and their roles. */
public record SigillUser(String userId, String orgId, Set<String> groups)
    implements AuthenticatedPrincipal, Serializable {

  public SigillUser {
    groups = Set.copyOf(groups);
  }

  @Override
  public String getName() {
    return userId;
  }

  public boolean hasRole(Role role) {
    return groups.contains(role.groupId());
  }

  public boolean hasAnyRole(Role... roles) {
    for (Role role : roles) {
      if (hasRole(role)) {
        return true;
      }
    }
    return false;
  }
}
