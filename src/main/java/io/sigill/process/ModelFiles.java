package io.sigill.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a model folder that the validator reads, found the same way {@link ModelDeployment} finds them. */
record ModelFiles(Path root, List<Path> bpmn, List<Path> dmn, List<Path> forms, List<Path> templates) {

  static final String TEMPLATE_DIR = "bpmn/.camunda/element-templates";

  static ModelFiles in(Path root) {
    return new ModelFiles(root,
        list(root.resolve("bpmn"), ".bpmn"),
        list(root.resolve("bpmn"), ".dmn"),
        list(root.resolve("forms"), ".form"),
        list(root.resolve(TEMPLATE_DIR), ".json"));
  }

  /** True when the folder has a bpmn/ or forms/ folder, i.e. looks like a model folder at all. */
  static boolean looksLikeModelFolder(Path root) {
    return Files.isDirectory(root.resolve("bpmn")) || Files.isDirectory(root.resolve("forms"));
  }

  /** Models are BPMN, DMN and form files; element templates only support the Modeler. */
  int modelCount() {
    return bpmn.size() + dmn.size() + forms.size();
  }

  /** The name analysts see in findings, e.g. {@code bpmn/security-incident.bpmn}, the same on every OS. */
  String name(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static List<Path> list(Path dir, String ending) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(ending) && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }
}
