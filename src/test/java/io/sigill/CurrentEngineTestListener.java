package io.sigill;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda keeps engines in a JVM-wide registry by name, and the REST API and webapps look the
 * "default" engine up there. Tests run several cached Spring contexts, each with an engine named
 * "default"; the last one started would answer every context's REST calls. Before each test, the
 * engine of that test's context is made the registered one.
 */
public class CurrentEngineTestListener implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
    if (engine != null) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }
}
