package io.sigill.process;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlCheckTests {

  @Test
  void mysqlUrlWithoutSendFractionalSecondsIsRefusedWithAnExplanation() {
    assertThatThrownBy(() -> DatabaseUrlCheck.check("jdbc:mysql://db:3306/sigill"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sendFractionalSeconds=false");
  }

  @Test
  void mysqlUrlWithoutNullDatabaseMeansCurrentIsRefused() {
    assertThatThrownBy(() -> DatabaseUrlCheck.check("jdbc:mysql://db:3306/sigill?sendFractionalSeconds=false"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nullDatabaseMeansCurrent=true");
  }

  @Test
  void mysqlUrlWithTheParameterAndH2UrlsPass() {
    assertThatCode(() -> DatabaseUrlCheck.check("jdbc:mysql://db:3306/sigill?useSSL=true&sendFractionalSeconds=false&nullDatabaseMeansCurrent=true"))
        .doesNotThrowAnyException();
    assertThatCode(() -> DatabaseUrlCheck.check("jdbc:h2:file:./data/db/sigill")).doesNotThrowAnyException();
  }
}
