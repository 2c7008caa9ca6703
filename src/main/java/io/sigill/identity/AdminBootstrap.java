package io.sigill.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator of a production install from {@code SIGILL_ADMIN_USER} and
 * {@code SIGILL_ADMIN_PASSWORD} (in org {@code SIGILL_ADMIN_ORG}), once; later starts leave the
 * user alone so a changed password is never reset.
 */
@Component
@Order(25)
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final OrgRepository orgs;
  private final Members members;
  private final String userId;
  private final String password;
  private final String orgSlug;

  AdminBootstrap(
      OrgRepository orgs,
      Members members,
      @Value("${sigill.admin.user:}") String userId,
      @Value("${sigill.admin.password:}") String password,
      @Value("${sigill.admin.org:default}") String orgSlug) {
    this.orgs = orgs;
    this.members = members;
    this.userId = userId;
    this.password = password;
    this.orgSlug = orgSlug;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (userId.isBlank()) {
      return;
    }
    if (password.length() < 12) {
      throw new IllegalStateException("SIGILL_ADMIN_PASSWORD must have at least 12 characters");
    }
    if (members.load(userId).isPresent()) {
      return;
    }
    Org org = orgs.findBySlug(orgSlug).orElseGet(() -> orgs.save(new Org(orgSlug, orgSlug)));
    members.ensureUser(userId, org.getId(), null, password, Role.CAMUNDA_ADMIN, Role.ORG_ADMIN);
    log.info("Created the first administrator in org {}", orgSlug);
  }
}
