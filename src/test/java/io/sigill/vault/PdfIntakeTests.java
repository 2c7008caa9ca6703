package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigill.vault.DocumentRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Intake judges the bytes: each file of the corpus is refused for its own reason, leaving no temp file. */
class PdfIntakeTests {

  /** A spool directory of this test's own: other processes' uploads cannot change its count. */
  private static final Path SPOOL = spoolDir();
  private final PdfIntake intake = new PdfIntake(1 << 20, 500, 32L << 20, SPOOL);

  @Test
  void aGoodPdfIsSpooledHashedAndCounted() throws IOException {
    PdfIntake.Checked checked = intake.take(corpus("good.pdf"));
    try {
      assertThat(checked.pages()).isEqualTo(1);
      assertThat(checked.size()).isEqualTo(Files.size(checked.file()));
      assertThat(checked.sha256()).hasSize(64);
    } finally {
      Files.delete(checked.file());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "png-named.pdf, NOT_A_PDF",
    "html-named.pdf, NOT_A_PDF",
    "empty.pdf, NOT_A_PDF",
    "truncated.pdf, TRUNCATED",
    "password-protected.pdf, ENCRYPTED",
    "encrypted-no-user-password.pdf, ENCRYPTED",
    "501-pages.pdf, TOO_MANY_PAGES",
    "bomb-64mib.pdf, DECOMPRESSION_BOMB"
  })
  void refusesHostileFilesByContentAndLeavesNoTempFile(String file, Reason reason) throws IOException {
    long before = intakeTempFiles();
    assertThatThrownBy(() -> intake.take(corpus(file)))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    assertThat(intakeTempFiles()).isEqualTo(before);
  }

  @Test
  void refusesAnUploadOverTheSizeLimitWhileReadingIt() {
    byte[] big = new byte[(1 << 20) + 1];
    assertThatThrownBy(() -> intake.take(new ByteArrayInputStream(big)))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void fileNamesLoseTheirPathsControlCharactersAndLeadingDots() {
    assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.sanitize("C:\\Users\\x\\contract.pdf")).isEqualTo("contract.pdf");
    assertThat(FileNames.sanitize("offer\r\nX-Injected: 1.pdf")).isEqualTo("offerX-Injected 1.pdf");
    assertThat(FileNames.sanitize("evil\u202Efdp.exe")).isEqualTo("evilfdp.exe");
    assertThat(FileNames.sanitize("..")).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.sanitize(null)).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.sanitize("x".repeat(500) + ".pdf")).hasSize(200).endsWith(".pdf");
  }

  static InputStream corpus(String name) {
    InputStream in = PdfIntakeTests.class.getResourceAsStream("/pdf/" + name);
    if (in == null) {
      throw new IllegalArgumentException("No corpus file " + name);
    }
    return in;
  }

  private static Path spoolDir() {
    try {
      Path dir = Files.createTempDirectory("sigill-intake-test");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long intakeTempFiles() {
    try (Stream<Path> files = Files.list(SPOOL)) {
      return files.filter(p -> p.getFileName().toString().startsWith("sigill-intake")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
