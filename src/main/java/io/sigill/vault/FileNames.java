package io.sigill.vault;

/**
 * Makes an uploaded file name safe to keep and to show: it is a label only, never a storage key,
 * yet it travels into Content-Disposition headers, mails and pages.
 */
final class FileNames {

  static final String FALLBACK = "document.pdf";
  private static final int MAX_LENGTH = 200;

  private FileNames() {}

  static String sanitize(String name) {
    if (name == null) {
      return FALLBACK;
    }
    // Keep only the last path segment: "../../etc/passwd" and "C:\\x\\y.pdf" become plain names.
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder safe = new StringBuilder(last.length());
    last.codePoints()
        .filter(c -> !Character.isISOControl(c) && "<>:\"|?*".indexOf(c) < 0)
        .filter(c -> Character.getType(c) != Character.FORMAT) // bidi overrides disguise extensions
        .forEach(safe::appendCodePoint);
    String result = safe.toString().strip();
    while (result.startsWith(".")) {
      result = result.substring(1);
    }
    if (result.length() > MAX_LENGTH) {
      result = result.substring(result.length() - MAX_LENGTH);
    }
    return result.isBlank() ? FALLBACK : result;
  }
}
