package io.sigill.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two fonts shipped in {@code resources/fonts} (licences beside them): Kristi (SIL OFL 1.1) for
 * typed signatures and initials, DejaVu Sans (Bitstream Vera licence) for everything else. Embedded
 * as subsets, so a seal does not depend on fonts installed where the PDF is opened.
 */
final class SealFonts {

  private static final byte[] SCRIPT = read("/fonts/Kristi.ttf");
  private static final byte[] SANS = read("/fonts/DejaVuSans.ttf");

  private final PDDocument document;
  private PDType0Font script;
  private PDType0Font sans;

  SealFonts(PDDocument document) {
    this.document = document;
  }

  /** Loaded on first use: a document with no typed signature does not carry the script font. */
  PDType0Font script() throws IOException {
    if (script == null) {
      script = PDType0Font.load(document, new RandomAccessReadBuffer(SCRIPT), true, false);
    }
    return script;
  }

  PDType0Font sans() throws IOException {
    if (sans == null) {
      sans = PDType0Font.load(document, new RandomAccessReadBuffer(SANS), true, false);
    }
    return sans;
  }

  /** Whether every character of the text has a glyph in the font (a name in Cyrillic has none in Kristi). */
  static boolean canShow(PDType0Font font, String text) {
    try {
      font.encode(text);
      return text.codePoints().allMatch(cp -> hasGlyph(font, cp));
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean hasGlyph(PDType0Font font, int codePoint) {
    try {
      return Character.isWhitespace(codePoint) || font.hasGlyph(codePoint);
    } catch (IOException e) {
      return false;
    }
  }

  /** Keeps only what the font can show, so a stray control or emoji character cannot abort a seal. */
  static String printable(PDType0Font font, String text) {
    StringBuilder out = new StringBuilder();
    (text == null ? "" : text).codePoints()
        .map(cp -> Character.isISOControl(cp) ? ' ' : cp)
        .filter(cp -> cp == ' ' || hasGlyph(font, cp))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static byte[] read(String resource) {
    try (InputStream in = SealFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing font resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
