package io.sigill.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two fonts shipped in {@code resources/fonts} (licences beside them): Kristi (SIL OFL 1.1) for
 * typed signatures and initials, DejaVu Sans (Bitstream Vera licence) for everything else. Embedded
 * as subsets, so a seal does not depend on fonts installed where the PDF is opened.
 *
 * <p>Parsing a TrueType file costs more than the rest of a small seal, so parsed fonts are kept in a
 * pool and reused. A parsed font is not safe to share between threads (it reads its tables lazily
 * and caches glyphs), so each seal borrows its own and gives it back when closed, which must be
 * after the document was saved: subsetting at save reads the font.
 */
final class SealFonts implements AutoCloseable {

  private static final FontPool SCRIPT = new FontPool("/fonts/Kristi.ttf");
  private static final FontPool SANS = new FontPool("/fonts/DejaVuSans.ttf");

  private final PDDocument document;
  private TrueTypeFont scriptFile;
  private TrueTypeFont sansFile;
  private PDType0Font script;
  private PDType0Font sans;

  SealFonts(PDDocument document) {
    this.document = document;
  }

  /** Loaded on first use: a document with no typed signature does not carry the script font. */
  PDType0Font script() throws IOException {
    if (script == null) {
      scriptFile = SCRIPT.borrow();
      script = PDType0Font.load(document, scriptFile, true);
    }
    return script;
  }

  PDType0Font sans() throws IOException {
    if (sans == null) {
      sansFile = SANS.borrow();
      sans = PDType0Font.load(document, sansFile, true);
    }
    return sans;
  }

  /** Gives the parsed fonts back for the next seal; call only once the document is saved or dropped. */
  @Override
  public void close() {
    SCRIPT.giveBack(scriptFile);
    SANS.giveBack(sansFile);
    scriptFile = null;
    sansFile = null;
    script = null;
    sans = null;
  }

  /** Parsed sans fonts waiting in the pool (for tests). */
  static int idleSansFonts() {
    return SANS.idle();
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
    return Character.isWhitespace(codePoint) || hasUnicodeGlyph(font, codePoint);
  }

  /**
   * Whether the font maps this Unicode code point to a glyph. Not {@code PDFont.hasGlyph}: that takes
   * a character code, which for these fonts is a glyph id, so it answered yes for any code point
   * below the font's glyph count (Devanagari or Thai in DejaVu Sans, which then failed the seal).
   */
  static boolean hasUnicodeGlyph(PDType0Font font, int codePoint) {
    if (!(font.getDescendantFont() instanceof PDCIDFontType2 cidFont)) {
      throw new IllegalStateException("The seal fonts are TrueType-based CID fonts");
    }
    try {
      cidFont.encode(codePoint);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Keeps only what the font can show, so a stray control or emoji character cannot abort a seal. */
  static String printable(PDType0Font font, String text) {
    StringBuilder out = new StringBuilder();
    (text == null ? "" : text).codePoints()
        .map(cp -> Character.isISOControl(cp) ? ' ' : cp)
        .filter(cp -> cp == ' ' || hasUnicodeGlyph(font, cp))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * Parsed copies of one font file, each used by one seal at a time. Grows to the number of seals
   * running at once; beyond {@link #MAX_IDLE} idle copies, returned ones are closed instead of kept.
   */
  static final class FontPool {

    static final int MAX_IDLE = 4;

    private final byte[] file;
    private final ConcurrentLinkedDeque<TrueTypeFont> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    FontPool(String resource) {
      this.file = read(resource);
    }

    TrueTypeFont borrow() throws IOException {
      TrueTypeFont font = idle.pollFirst();
      if (font != null) {
        idleCount.decrementAndGet();
        return font;
      }
      TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(file));
      // No glyph substitution: Kristi has none that PDFBox applies, and DejaVu's fi/fl ligatures
      // would cost a GSUB pass per line and make drawn text differ from the widths we measure.
      parsed.setEnableGsub(false);
      return parsed;
    }

    void giveBack(TrueTypeFont font) {
      if (font == null) {
        return;
      }
      if (idleCount.incrementAndGet() <= MAX_IDLE) {
        idle.offerFirst(font);
      } else {
        idleCount.decrementAndGet();
        closeQuietly(font);
      }
    }

    int idle() {
      return idleCount.get();
    }

    private static void closeQuietly(TrueTypeFont font) {
      try {
        font.close();
      } catch (IOException e) {
        // In memory: nothing to release that the garbage collector does not.
      }
    }
  }

  static byte[] read(String resource) {
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
