package io.sigill.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model at start: {@code bpmn/*.bpmn}, {@code bpmn/*.dmn} and {@code forms/*.form}
 * from the jar, each replaced by the file of the same name under {@code SIGILL_MODEL_DIR} when
 * that is set, so an analyst's edit deploys on restart without a rebuild. Duplicate filtering
 * means unchanged files create no new version.
 */
@Component
@Order(10)
class ModelDeployment implements ApplicationRunner {

  static final String DEPLOYMENT_NAME = "sigill-models";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repositoryService;
  private final String modelDir;

  ModelDeployment(RepositoryService repositoryService, @Value("${sigill.model-dir:}") String modelDir) {
    this.repositoryService = repositoryService;
    this.modelDir = modelDir;
  }

  @Override
  public void run(ApplicationArguments args) {
    Map<String, byte[]> models = collect();
    if (models.isEmpty()) {
      log.warn("No models found in bpmn/ or forms/: nothing deployed");
      return;
    }
    DeploymentBuilder builder =
        repositoryService.createDeployment().name(DEPLOYMENT_NAME).source("sigill").enableDuplicateFiltering(true);
    models.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    log.info("Models deployed: {} files (deployment {}{})", models.size(), deployment.getId(),
        modelDir.isBlank() ? "" : ", overrides from " + modelDir);
  }

  /** Resource name (e.g. {@code bpmn/security-incident.bpmn}) to content; directory files win. */
  Map<String, byte[]> collect() {
    Map<String, byte[]> models = new TreeMap<>();
    var resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form"}) {
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/'));
          try (InputStream in = resource.getInputStream()) {
            models.put(folder + "/" + resource.getFilename(), in.readAllBytes());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read packaged models " + pattern, e);
      }
    }
    if (!modelDir.isBlank()) {
      Path root = Path.of(modelDir);
      readDir(root.resolve("bpmn"), "bpmn", models, ".bpmn", ".dmn");
      readDir(root.resolve("forms"), "forms", models, ".form");
    }
    return models;
  }

  private static void readDir(Path dir, String folder, Map<String, byte[]> models, String... endings) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && Stream.of(endings).anyMatch(name::endsWith)) {
          models.put(folder + "/" + name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read models from " + dir, e);
    }
  }
}
