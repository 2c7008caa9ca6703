package io.sigill.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Models from the jar and from SIGILL_MODEL_DIR: deployed once, redeployed only when changed. */
@SpringBootTest
@ActiveProfiles("test")
class ModelDeploymentTests {

  @Autowired RepositoryService repositoryService;
  @TempDir Path modelDir;

  @Test
  void unchangedModelsCreateNoNewVersionAndAnEditedFileDeploysOnRestart() throws Exception {
    Files.createDirectories(modelDir.resolve("bpmn"));
    Files.createDirectories(modelDir.resolve("forms"));
    writeProcess("Review the thing");
    Files.writeString(modelDir.resolve("forms/analyst-form.form"),
        "{\"id\":\"analyst-form\",\"type\":\"default\",\"components\":[]}", StandardCharsets.UTF_8);
    ModelDeployment deployment = new ModelDeployment(repositoryService, modelDir.toString());

    deployment.run(new DefaultApplicationArguments());
    deployment.run(new DefaultApplicationArguments());
    assertThat(version()).isEqualTo(1);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).list())
        .filteredOn(d -> repositoryService.getDeploymentResourceNames(d.getId()).contains("forms/analyst-form.form"))
        .hasSize(1);

    writeProcess("Review the thing carefully");
    deployment.run(new DefaultApplicationArguments());
    assertThat(version()).isEqualTo(2);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("analyst-edit").latestVersion()
        .singleResult().getResourceName()).isEqualTo("bpmn/analyst-edit.bpmn");
  }

  @Test
  void packagedModelsAreFoundWithoutAModelDir() {
    var collected = new ModelDeployment(repositoryService, "").collect();
    assertThat(collected.keySet()).allMatch(name -> name.matches("(bpmn/.+\\.(bpmn|dmn))|(forms/.+\\.form)"));
  }

  private int version() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("analyst-edit").latestVersion()
        .singleResult().getVersion();
  }

  private void writeProcess(String taskName) throws Exception {
    var model = Bpmn.createExecutableProcess("analyst-edit").camundaHistoryTimeToLive(1)
        .startEvent().userTask().name(taskName).camundaCandidateGroups("compliance").endEvent().done();
    var out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    Files.write(modelDir.resolve("bpmn/analyst-edit.bpmn"), out.toByteArray());
  }
}
