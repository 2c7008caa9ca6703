package io.sigill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The prod profile never creates demo users; its first admin comes from the environment. */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:sigill-prod-profile;DB_CLOSE_DELAY=-1",
      "spring.datasource.driver-class-name=org.h2.Driver",
      "spring.datasource.username=sa",
      "spring.datasource.password=",
      "camunda.bpm.database.type=h2",
      "sigill.demo.enabled=true",
      "sigill.admin.user=firstadmin",
      "sigill.admin.password=a-long-enough-secret",
      "sigill.admin.org=headquarters"
    })
@ActiveProfiles({"test", "prod"})
class ProdProfileTests {

  @Autowired IdentityService identityService;
  @Autowired OrgRepository orgs;
  @Autowired Members members;

  @Test
  void noDemoUsersOrOrgsExistEvenWhenDemoIsSwitchedOn() {
    for (String demoUser : new String[] {"admin", "sender", "compliance", "legal", "security", "billing", "sender2"}) {
      assertThat(identityService.createUserQuery().userId(demoUser).count()).as(demoUser).isZero();
    }
    assertThat(orgs.findBySlug("demo")).isEmpty();
    assertThat(orgs.findBySlug("acme")).isEmpty();
  }

  @Test
  void theFirstAdministratorIsCreatedFromTheEnvironment() {
    SigillUser admin = members.load("firstadmin").orElseThrow();
    assertThat(admin.groups()).containsExactlyInAnyOrder("camunda-admin", "org-admin");
    assertThat(orgs.findById(admin.orgId()).orElseThrow().getSlug()).isEqualTo("headquarters");
    assertThat(identityService.checkPassword("firstadmin", "a-long-enough-secret")).isTrue();
  }
}
