package io.sigill.process;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
    return run(Arrays.asList(args), System.getenv("SIGILL_MODEL_DIR"), out, null);
  }

  /** {@code validator} null means: scan the application code for its delegate beans (tests pass their own). */
  static int run(List<String> args, String envModelDir, PrintStream out, ModelValidator validator) {
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
    ModelFiles files = ModelFiles.in(dir);
    var findings = (validator != null ? validator : ModelValidator.forApplicationCode()).validate(files);
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
