package io.sigill.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MySqlTestServerTests {

  @Test
  void onCiWithoutDockerOrUrlTheBuildFailsInsteadOfSkipping() {
    assertThatThrownBy(() -> MySqlTestServer.choose(Map.of("CI", "true"), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must run");
  }

  @Test
  void outsideCiWithoutDockerOrUrlTheTestsSkipWithAReason() {
    assertThat(MySqlTestServer.choose(Map.of(), false)).isInstanceOf(MySqlTestServer.Skip.class);
  }

  @Test
  void anExplicitUrlWinsOverDockerAndGetsTheCamundaParameter() {
    var choice = MySqlTestServer.choose(Map.of("SIGILL_TEST_MYSQL_URL", "jdbc:mysql://db:3306/x"), true);
    assertThat(choice).isInstanceOf(MySqlTestServer.Use.class);
    assertThat(((MySqlTestServer.Use) choice).url()).isEqualTo("jdbc:mysql://db:3306/x?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true");
  }

  @Test
  void withDockerAndNoUrlTestcontainersIsUsed() {
    var choice = MySqlTestServer.choose(Map.of("CI", "true"), true);
    assertThat(((MySqlTestServer.Use) choice).origin()).isEqualTo("testcontainers");
  }
}
