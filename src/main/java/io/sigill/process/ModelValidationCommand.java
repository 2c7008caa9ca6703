package io.sigill.process;

import java.io.PrintStream;

/** Placeholder until the validator lands: {@code --validate} checks every model and exits. */
public final class ModelValidationCommand {
  private ModelValidationCommand() {}

  public static boolean isRequested(String[] args) {
    return java.util.Arrays.asList(args).contains("--validate");
  }

  public static int run(String[] args, PrintStream out) {
    out.println("not implemented");
    return 2;
  }
}
