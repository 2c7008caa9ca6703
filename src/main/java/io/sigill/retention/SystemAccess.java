package io.sigill.retention;

import io.sigill.audit.Actor;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.vault.DocumentReader;
import io.sigill.vault.DocumentVault;
import io.sigill.web.NotFoundException;
import java.util.Set;

/** How the retention processes act on the vault for an org: as the system, with the org-admin role. */
final class SystemAccess {

  private SystemAccess() {}

  static SigillUser orgAdmin(String orgId) {
    return new SigillUser(Actor.SYSTEM, orgId, Set.of(Role.ORG_ADMIN.groupId()));
  }

  /**
   * Whether the org still has the document. Asked before changing it: a not-found thrown inside
   * the vault's transaction would mark the whole job's transaction for rollback.
   */
  static boolean exists(DocumentVault vault, String documentId, String orgId) {
    try {
      vault.describe(documentId, new DocumentReader.Member(orgAdmin(orgId)));
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
