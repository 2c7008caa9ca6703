package io.sigill.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Users of Sigill: Camunda identity users (password, groups) bound to one org. */
@Component
public class Members {

  private final IdentityService identityService;
  private final OrgMemberRepository members;
  private final OrgRepository orgs;

  Members(IdentityService identityService, OrgMemberRepository members, OrgRepository orgs) {
    this.identityService = identityService;
    this.members = members;
    this.orgs = orgs;
  }

  /** The org's display name, e.g. for emails to people outside it. */
  @Transactional(readOnly = true)
  public Optional<String> orgName(String orgId) {
    return orgs.findById(orgId).map(Org::getName);
  }

  /** Loads the user with org and groups, or empty when the user belongs to no org. */
  @Transactional(readOnly = true)
  public Optional<SigillUser> load(String userId) {
    return members
        .findById(userId)
        .map(m -> new SigillUser(userId, m.getOrgId(), groupsOf(userId)));
  }

  public Set<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Emails of the users of one org who hold a role, e.g. the org-admins to notify. */
  @Transactional(readOnly = true)
  public List<String> emailsOf(String orgId, Role role) {
    Set<String> inOrg =
        members.findByOrgId(orgId).stream().map(OrgMember::getUserId).collect(Collectors.toSet());
    return identityService.createUserQuery().memberOfGroup(role.groupId()).list().stream()
        .filter(u -> inOrg.contains(u.getId()))
        .map(User::getEmail)
        .filter(e -> e != null && !e.isBlank())
        .toList();
  }

  /** Creates a user in the given org with the given roles, unless the user id exists. */
  @Transactional
  public void ensureUser(String userId, String orgId, String email, String password, Role... roles) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("(" + orgs.findById(orgId).map(Org::getSlug).orElse("?") + ")");
      user.setEmail(email);
      user.setPassword(password);
      identityService.saveUser(user);
    }
    if (!members.existsById(userId)) {
      members.save(new OrgMember(userId, orgId));
    }
    Set<String> groups = groupsOf(userId);
    for (Role role : roles) {
      if (!groups.contains(role.groupId())) {
        identityService.createMembership(userId, role.groupId());
      }
    }
  }

  static List<SimpleGrantedAuthority> authoritiesOf(Set<String> groups) {
    return groups.stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
  }
}
