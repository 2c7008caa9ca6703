package io.sigill.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ModelValidationCommandTests {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final Supplier<ModelValidator> validator = () -> new ModelValidator(ModelValidatorTests.BEANS);

  private static String dir(String fixture) {
    return ModelValidatorTests.fixture(fixture).toString();
  }

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void cleanModelsExitZeroWithOkSummary() {
    int exit = ModelValidationCommand.run(List.of("--validate", dir("good")), null, out, validator);

    assertThat(exit).isZero();
    assertThat(lines()).containsExactly("OK: 3 models checked");
  }

  @Test
  void findingsExitOneWithOneLineEachAndSummary() {
    int exit = ModelValidationCommand.run(List.of("--validate", dir("broken-candidate-groups")), null, out, validator);

    assertThat(exit).isEqualTo(1);
    assertThat(lines()).hasSize(4).last().isEqualTo("3 problems in 1 file");
    assertThat(lines().get(0)).startsWith("bpmn/groups.bpmn:Task_NoGroup: user task has no candidate group");
  }

  @Test
  void summaryCountsProblemsAndFiles() {
    ModelValidationCommand.run(List.of("--validate", dir("broken-history-ttl")), null, out, validator);

    assertThat(lines()).last().isEqualTo("2 problems in 2 files");
  }

  @Test
  void folderDefaultsToSigillModelDir() {
    int exit = ModelValidationCommand.run(List.of("--validate"), dir("broken-history-ttl"), out, validator);

    assertThat(exit).isEqualTo(1);
  }

  @Test
  void folderArgumentWinsOverSigillModelDir() {
    int exit = ModelValidationCommand.run(List.of("--validate", dir("good")), dir("broken-history-ttl"), out, validator);

    assertThat(exit).isZero();
  }

  @Test
  void missingFolderIsUsageError() {
    int exit = ModelValidationCommand.run(List.of("--validate", dir("no-such-folder")), null, out, validator);

    assertThat(exit).isEqualTo(2);
    assertThat(lines().get(0)).startsWith("folder not found: ");
  }

  @Test
  void folderWithoutBpmnOrFormsIsUsageErrorSoAWrongFolderIsNotReportedOk() {
    int exit = ModelValidationCommand.run(List.of("--validate", dir("good") + "/bpmn"), null, out, validator);

    assertThat(exit).isEqualTo(2);
    assertThat(lines().get(0)).startsWith("no bpmn/ or forms/ folder in ");
  }

  @Test
  void moreThanOneFolderIsUsageError() {
    int exit = ModelValidationCommand.run(List.of("--validate", dir("good"), dir("good")), null, out, validator);

    assertThat(exit).isEqualTo(2);
  }

  @Test
  void requestedOnlyByTheValidateFlag() {
    assertThat(ModelValidationCommand.isRequested(new String[] {"--validate", "models"})).isTrue();
    assertThat(ModelValidationCommand.isRequested(new String[] {"--spring.profiles.active=prod"})).isFalse();
  }
}
