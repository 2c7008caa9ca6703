package io.sigill.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelegateBeansTests {

  @Test
  void findsDelegateAndListenerComponentsByTheirSpringBeanNames() {
    assertThat(DelegateBeans.scan("fixtures.delegates", getClass().getClassLoader()))
        .containsExactly("URLChecker", "assignReviewer", "notifyOrgs", "recordStep");
  }
}
