package io.sigill.process;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start on MySQL without {@code sendFractionalSeconds=false} (Camunda 7 compares
 * timestamps it wrote without fractions; MySQL would round them, losing jobs and locks) and
 * {@code nullDatabaseMeansCurrent=true} (otherwise Connector/J shows Camunda's schema check the
 * tables of every database on the server, and a fresh database is taken for an existing one).
 * READ COMMITTED is enforced by the engine itself.
 */
public class DatabaseUrlCheck implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    check(environment.getProperty("spring.datasource.url", ""));
  }

  static void check(String url) {
    boolean mysql = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    if (mysql && !(url.contains("sendFractionalSeconds=false") && url.contains("nullDatabaseMeansCurrent=true"))) {
      throw new IllegalStateException(
          "SIGILL_DB_URL must carry sendFractionalSeconds=false and nullDatabaseMeansCurrent=true for Camunda on "
              + "MySQL, e.g. jdbc:mysql://host:3306/sigill?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true");
    }
  }
}
