package io.sigill.sealing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent command-line checkers (poppler's pdfsig, qpdf) on a file. */
final class SealTools {

  record Run(int exitCode, String output) {}

  private SealTools() {}

  static Run pdfsig(Path pdf) throws IOException, InterruptedException {
    return run(List.of("pdfsig", pdf.toString()));
  }

  static Run qpdfCheck(Path pdf) throws IOException, InterruptedException {
    return run(List.of("qpdf", "--check", pdf.toString()));
  }

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command.get(0) + " did not finish");
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
