package io.sigill.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The MySQL-compatible server the MySQL tests run on: Testcontainers MySQL 8.4 where Docker
 * exists, otherwise the server named by {@code SIGILL_TEST_MYSQL_URL}. On CI ({@code CI=true})
 * having neither is a failure, never a silent skip.
 */
public final class MySqlTestServer {

  static final String URL_VARIABLE = "SIGILL_TEST_MYSQL_URL";

  /** Where to connect, and whether the tests may skip when nothing is there. */
  sealed interface Choice permits Use, Skip {}

  record Use(String url, String user, String password, String origin) implements Choice {}

  record Skip(String reason) implements Choice {}

  private static Use started;

  private MySqlTestServer() {}

  /** Chooses from the environment; pure so the rule itself is tested. */
  static Choice choose(Map<String, String> env, boolean dockerAvailable) {
    String url = env.get(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new Use(withRequiredParameters(url), env.getOrDefault("SIGILL_TEST_MYSQL_USER", "root"),
          env.getOrDefault("SIGILL_TEST_MYSQL_PASSWORD", ""), URL_VARIABLE);
    }
    if (dockerAvailable) {
      return new Use(null, null, null, "testcontainers");
    }
    String reason = "No MySQL-compatible server for the MySQL tests: Docker is not available and "
        + URL_VARIABLE + " is not set (e.g. jdbc:mysql://127.0.0.1:3306/sigill_test)";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      throw new IllegalStateException(reason + ". On CI these tests must run.");
    }
    return new Skip(reason);
  }

  /**
   * Camunda needs sendFractionalSeconds=false on MySQL, and nullDatabaseMeansCurrent=true so its
   * schema check looks only at this database, not at another one on the same server.
   */
  static String withRequiredParameters(String url) {
    String result = url;
    for (String parameter : new String[] {"sendFractionalSeconds=false", "nullDatabaseMeansCurrent=true"}) {
      String name = parameter.substring(0, parameter.indexOf('='));
      if (!result.contains(name)) {
        result = result + (result.contains("?") ? "&" : "?") + parameter;
      }
    }
    return result;
  }

  static synchronized Choice resolve() {
    if (started != null) {
      return started;
    }
    Choice choice = choose(System.getenv(), System.getenv(URL_VARIABLE) == null && dockerAvailable());
    if (choice instanceof Use use && use.url() == null) {
      MySQLContainer<?> container = new MySQLContainer<>("mysql:8.4");
      container.start();
      started = new Use(withRequiredParameters(container.getJdbcUrl()), container.getUsername(),
          container.getPassword(), "testcontainers mysql:8.4");
      return started;
    }
    if (choice instanceof Use use) {
      checkReachable(use);
      started = use;
    }
    return choice;
  }

  private static void checkReachable(Use use) {
    try (Connection ignored = DriverManager.getConnection(use.url(), use.user(), use.password())) {
      // reachable
    } catch (SQLException e) {
      throw new IllegalStateException(URL_VARIABLE + " is set but the server does not answer: " + e.getMessage(), e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
