package io.sigill.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo orgs and one user per role, for the embedded default only (never in the prod profile). */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "sigill.demo.enabled", havingValue = "true")
@Order(30)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final OrgRepository orgs;
  private final Members members;
  private final String password;

  DemoData(OrgRepository orgs, Members members, @Value("${sigill.demo.password}") String password) {
    this.orgs = orgs;
    this.members = members;
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Org demo = orgs.findBySlug("demo").orElseGet(() -> orgs.save(new Org("demo", "Demo Org")));
    Org acme = orgs.findBySlug("acme").orElseGet(() -> orgs.save(new Org("acme", "Acme Ltd")));
    members.ensureUser("admin", demo.getId(), "admin@demo.sigill.test", password, Role.CAMUNDA_ADMIN, Role.ORG_ADMIN);
    for (Role role : new Role[] {Role.SENDER, Role.COMPLIANCE, Role.LEGAL, Role.SECURITY, Role.BILLING}) {
      members.ensureUser(role.groupId(), demo.getId(), role.groupId() + "@demo.sigill.test", password, role);
    }
    members.ensureUser("sender2", acme.getId(), "sender2@acme.sigill.test", password, Role.SENDER);
    log.warn("*** DEMO USERS ARE ACTIVE: admin, sender, compliance, legal, security, billing (org demo) and "
        + "sender2 (org acme) with the demo password. Never expose this instance; use the prod profile. ***");
  }
}
