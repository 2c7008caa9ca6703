package io.sigill.process;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code java -jar sigill.jar --validate [DIR]}: checks every model in DIR (default {@code SIGILL_MODEL_DIR},
 * else the current directory) and exits 0 when clean, 1 on problems, 2 on a usage error. Runs before Spring
 * starts, so analysts can check their files without a database or a running application.
 */
public final class ModelValidationCommand {

  static final String FLAG = "--validate";
  static final int OK = 0;
  static final int PROBLEMS = 1;
  static final int USAGE = 2;

  private ModelValidationCommand() {}

  public static boolean isRequested(String[] args) {
    return Arrays.asList(args).contains(FLAG);
  }

  public static int run(String[] args, PrintStream out) {
    return run(Arrays.asList(args), System.getenv("SIGILL_MODEL_DIR"), out, ModelValidator::forApplicationCode);
  }

  /** The validator is supplied only once the folder is known good: scanning the class path takes a moment. */
  static int run(List<String> args, String envModelDir, PrintStream out, Supplier<ModelValidator> validator) {
    int flag = args.indexOf(FLAG);
    List<String> rest = args.subList(flag + 1, args.size());
    if (rest.size() > 1 || (rest.size() == 1 && rest.get(0).startsWith("-"))) {
      return usage(out, "expected at most one folder after " + FLAG);
    }
    String dirName = !rest.isEmpty() ? rest.get(0)
        : envModelDir != null && !envModelDir.isBlank() ? envModelDir : ".";
    Path dir = Path.of(dirName);
    if (!Files.isDirectory(dir)) {
      return usage(out, "folder not found: " + dirName);
    }
    if (!ModelFiles.looksLikeModelFolder(dir)) {
      // Pointing at bpmn/ itself is the usual slip; "OK: 0 models" would hide it.
      return usage(out, "no bpmn/ or forms/ folder in " + dirName + "; give the folder that contains them");
    }
    ModelFiles files;
    try {
      files = ModelFiles.in(dir);
    } catch (UncheckedIOException e) {
      return usage(out, e.getMessage());
    }
    List<ModelValidator.Finding> findings;
    try {
      findings = validator.get().validate(files);
    } catch (UncheckedIOException e) {
      // An unreadable file is a problem with the folder, not a modelling mistake: report it like one.
      return usage(out, e.getMessage());
    }
    findings.forEach(out::println);
    if (findings.isEmpty()) {
      out.println("OK: " + files.modelCount() + (files.modelCount() == 1 ? " model" : " models") + " checked");
      return OK;
    }
    long fileCount = findings.stream().map(ModelValidator.Finding::file).distinct().count();
    out.println(findings.size() + (findings.size() == 1 ? " problem" : " problems") + " in " + fileCount
        + (fileCount == 1 ? " file" : " files"));
    return PROBLEMS;
  }

  private static int usage(PrintStream out, String problem) {
    out.println(problem);
    out.println("usage: java -jar sigill.jar " + FLAG + " [DIR]   (DIR defaults to SIGILL_MODEL_DIR, else .)");
    return USAGE;
  }
}
