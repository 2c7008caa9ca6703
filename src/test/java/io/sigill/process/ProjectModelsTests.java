package io.sigill.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigill.process.ModelValidator.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The project's own bpmn/, forms/ and element templates obey every modelling rule, against the real code. */
class ProjectModelsTests {

  @Test
  void projectModelsHaveNoFindings() {
    // Surefire points sigill.model-dir at the project; an IDE run starts in it.
    Path projectDir = Path.of(System.getProperty("sigill.model-dir", "."));

    List<Finding> findings = ModelValidator.forApplicationCode().validate(projectDir);

    assertThat(findings)
        .as("model problems:%n%s", findings.stream().map(Finding::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }
}
