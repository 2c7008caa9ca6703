package io.sigill.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigill.process.ModelValidator.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelValidatorTests {

  static final Set<String> BEANS = Set.of("notifyOrgs", "recordStep");

  static Path fixture(String name) {
    return Path.of(System.getProperty("sigill.model-dir", "."), "src/test/resources/models", name);
  }

  static List<String> findings(String fixture) {
    return new ModelValidator(BEANS).validate(fixture(fixture)).stream().map(Finding::toString).toList();
  }

  @Test
  void goodModelsHaveNoFindings() {
    assertThat(findings("good")).isEmpty();
  }
}
