package io.sigill.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The fonts of one seal, from the two shipped in {@code resources/fonts} (licences beside them):
 * Kristi (SIL OFL 1.1) for typed signatures and initials, DejaVu Sans (Bitstream Vera licence) for
 * everything else. Embedded as subsets ({@link SubsetFont}), so a seal does not depend on fonts
 * installed where the PDF is opened.
 *
 * <p>What a seal needs to know of a font file (glyphs, widths, descriptor) is learned once per
 * process ({@link Typeface}). Parsing a TrueType file costs more than the rest of a small seal, so
 * parsed fonts, which writing a subset needs, are kept in a pool and reused. A parsed font is not
 * safe to share between threads (it reads its tables lazily and caches glyphs), so a seal borrows
 * one only while it writes a subset.
 *
 * <p>Text in Latin, Greek and Cyrillic script (nearly all of it) is set in a cut of DejaVu Sans made
 * once per process with only those scripts and common punctuation and symbols (about 1,600 of its
 * 6,253 glyphs, so the subset's glyph map stays small); text with any other character uses the
 * whole font.
 */
final class SealFonts {

  /** Unicode ranges of the cut of DejaVu Sans used for most text. */
  static final int[][] SANS_CORE_RANGES = {
    {0x0020, 0x007E}, // Basic Latin
    {0x00A0, 0x024F}, // Latin-1 Supplement, Latin Extended-A and -B
    {0x0370, 0x03FF}, // Greek and Coptic
    {0x0400, 0x052F}, // Cyrillic and Cyrillic Supplement
    {0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese and others)
    {0x2000, 0x206F}, // General Punctuation
    {0x20A0, 0x20CF}, // Currency Symbols
    {0x2100, 0x214F}, // Letterlike Symbols (such as the numero sign)
    {0x2190, 0x21FF}, // Arrows
  };

  private static final FontPool SCRIPT = new FontPool(() -> read("/fonts/Kristi.ttf"));
  private static final FontPool SANS = new FontPool(() -> read("/fonts/DejaVuSans.ttf"));
  private static final FontPool SANS_CORE = new FontPool(() -> cut(SANS.file(), SANS_CORE_RANGES));

  private final PDDocument document;
  private SubsetFont script;
  private SubsetFont sans;
  private SubsetFont sansCore;

  SealFonts(PDDocument document) {
    this.document = document;
  }

  /** Made on first use: a document with no typed signature does not carry the script font. */
  SubsetFont script() throws IOException {
    if (script == null) {
      script = SubsetFont.create(document, SCRIPT);
    }
    return script;
  }

  /** The sans font for text in Latin, Greek or Cyrillic script (labels, dates, hashes). */
  SubsetFont sans() throws IOException {
    if (sansCore == null) {
      sansCore = SubsetFont.create(document, SANS_CORE);
    }
    return sansCore;
  }

  /** The sans font for this text: the cut when it has every character, otherwise the whole font. */
  SubsetFont sans(String text) throws IOException {
    Typeface core = SANS_CORE.typeface();
    if (text != null) {
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        if (!Character.isISOControl(cp) && !Character.isWhitespace(cp) && !core.hasGlyph(cp)) {
          if (sans == null) {
            sans = SubsetFont.create(document, SANS);
          }
          return sans;
        }
        i += Character.charCount(cp);
      }
    }
    return sans();
  }

  /**
   * Keeps only what the font can show, so a stray control or emoji character cannot abort a seal:
   * controls become spaces, characters without a glyph are left out.
   */
  static String printableIn(SubsetFont font, String text) {
    if (text == null) {
      return "";
    }
    Typeface typeface = font.typeface();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isISOControl(cp)) {
        out.append(' ');
      } else if (cp == ' ' || typeface.hasGlyph(cp)) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * The text's width in thousandths of the font size: the glyphs' widths summed in order (no
   * kerning, no substitution), as PDFBox's {@code getStringWidth} gives it.
   *
   * @throws IllegalArgumentException for a character the font has no glyph for
   */
  static float stringWidth(SubsetFont font, String text) {
    Typeface typeface = font.typeface();
    float width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int glyph = typeface.glyph(cp);
      if (glyph == 0) {
        throw new IllegalArgumentException(String.format("No glyph for U+%04X in font %s", cp, font.getName()));
      }
      width += typeface.width(glyph);
      i += Character.charCount(cp);
    }
    return width;
  }

  /** Whether every character of the text has a glyph in the font (a name in Cyrillic has none in Kristi). */
  static boolean canShow(SubsetFont font, String text) {
    Typeface typeface = font.typeface();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!typeface.hasGlyph(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Parsed cut sans fonts waiting in the pool (for tests). */
  static int idleSansFonts() {
    return SANS_CORE.idle();
  }

  /** A font file with only the glyphs of the given Unicode ranges (and what they are built from). */
  static byte[] cut(byte[] file, int[][] ranges) {
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file))) {
      TTFSubsetter subsetter = new TTFSubsetter(font);
      for (int[] range : ranges) {
        for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
          subsetter.add(codePoint);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      subsetter.writeToStream(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parsed copies of one font file, each used by one seal at a time. Grows to the number of seals
   * running at once; beyond {@link #MAX_IDLE} idle copies, returned ones are closed instead of kept.
   */
  static final class FontPool {

    static final int MAX_IDLE = 4;

    private final Supplier<byte[]> source;
    private volatile byte[] file;
    private volatile Typeface typeface;
    private final ConcurrentLinkedDeque<TrueTypeFont> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /** @param source the font file, read (or made) on first use */
    FontPool(Supplier<byte[]> source) {
      this.source = source;
    }

    byte[] file() {
      byte[] bytes = file;
      if (bytes == null) {
        synchronized (this) {
          if (file == null) {
            file = source.get();
          }
          bytes = file;
        }
      }
      return bytes;
    }

    /** What seals need to know of the font, learned from a parsed copy the first time it is asked for. */
    Typeface typeface() throws IOException {
      Typeface known = typeface;
      if (known == null) {
        synchronized (this) {
          if (typeface == null) {
            TrueTypeFont font = borrow();
            try {
              typeface = Typeface.of(font);
            } finally {
              giveBack(font);
            }
          }
          known = typeface;
        }
      }
      return known;
    }

    TrueTypeFont borrow() throws IOException {
      TrueTypeFont font = idle.pollFirst();
      if (font != null) {
        idleCount.decrementAndGet();
        return font;
      }
      TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(file()));
      // No glyph substitution: a seal shows each character's glyph from the cmap, as it measures it.
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
