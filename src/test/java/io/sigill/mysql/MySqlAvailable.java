package io.sigill.mysql;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Runs a test class only where a MySQL-compatible server is available; fails on CI otherwise. */
public class MySqlAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    MySqlTestServer.Choice choice = MySqlTestServer.resolve();
    if (choice instanceof MySqlTestServer.Skip skip) {
      System.err.println("SKIPPED MySQL tests: " + skip.reason());
      return ConditionEvaluationResult.disabled(skip.reason());
    }
    return ConditionEvaluationResult.enabled("MySQL tests on " + ((MySqlTestServer.Use) choice).origin());
  }

  /** Points the Spring context at the chosen server, with the mysql profile's settings. */
  public static void register(DynamicPropertyRegistry registry) {
    if (MySqlTestServer.resolve() instanceof MySqlTestServer.Use use) {
      registry.add("spring.datasource.url", use::url);
      registry.add("spring.datasource.username", use::user);
      registry.add("spring.datasource.password", use::password);
    }
  }
}
