package io.sigill.identity;

import java.util.Arrays;
import java.util.Optional;

/** The roles of Sigill; each is a Camunda group, the one source for REST, pages and Tasklist. */
public enum Role {
  SENDER("sender", "Senders", false),
  ORG_ADMIN("org-admin", "Organisation admins", true),
  COMPLIANCE("compliance", "Compliance", true),
  LEGAL("legal", "Legal", true),
  SECURITY("security", "Security", true),
  BILLING("billing", "Billing", true),
  CAMUNDA_ADMIN("camunda-admin", "Camunda administrators", false);

  private final String groupId;
  private final String displayName;
  private final boolean operations;

  Role(String groupId, String displayName, boolean operations) {
    this.groupId = groupId;
    this.displayName = displayName;
    this.operations = operations;
  }

  /** The Camunda group id, also used as candidate group in BPMN user tasks. */
  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  /** Operations roles work human tasks in Tasklist and get a task filter of their own. */
  public boolean isOperations() {
    return operations;
  }

  /** The Spring Security authority name for this role, e.g. {@code ROLE_org-admin}. */
  public String authority() {
    return "ROLE_" + groupId;
  }

  public static Optional<Role> ofGroupId(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }

  public static boolean isKnownGroup(String groupId) {
    return ofGroupId(groupId).isPresent();
  }
}
