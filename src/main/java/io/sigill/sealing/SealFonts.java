package io.sigill.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
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
 *
 * <p>DejaVu Sans has over 6,000 glyphs, and PDFBox works through all of their widths each time it
 * loads the font into a document. Text in Latin, Greek and Cyrillic script (nearly all of it) is
 * therefore set in a cut of DejaVu Sans made once per process with only those scripts and common
 * punctuation and symbols; text with any other character uses the whole font.
 */
final class SealFonts implements AutoCloseable {

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
  private final Loaded script = new Loaded(SCRIPT);
  private final Loaded sans = new Loaded(SANS);
  private final Loaded sansCore = new Loaded(SANS_CORE);

  SealFonts(PDDocument document) {
    this.document = document;
  }

  /** Loaded on first use: a document with no typed signature does not carry the script font. */
  PDType0Font script() throws IOException {
    return script.font(document);
  }

  /** The sans font for text in Latin, Greek or Cyrillic script (labels, dates, hashes). */
  PDType0Font sans() throws IOException {
    return sansCore.font(document);
  }

  /** The sans font for this text: the cut when it has every character, otherwise the whole font. */
  PDType0Font sans(String text) throws IOException {
    PDType0Font core = sans();
    boolean covered = text == null || text.codePoints()
        .allMatch(cp -> Character.isISOControl(cp) || Character.isWhitespace(cp) || hasGlyph(sansCore, cp));
    return covered ? core : sans.font(document);
  }

  /**
   * {@link #printable(PDType0Font, String)} for a font of this seal, with what the font has for each
   * character looked up once per process rather than per seal.
   */
  String printableIn(PDType0Font font, String text) {
    Loaded loaded = loadedOf(font);
    if (loaded == null) {
      return printable(font, text);
    }
    StringBuilder out = new StringBuilder();
    (text == null ? "" : text).codePoints()
        .map(cp -> Character.isISOControl(cp) ? ' ' : cp)
        .filter(cp -> cp == ' ' || hasGlyph(loaded, cp))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * The same as {@code font.getStringWidth(text)} (glyph widths summed in order, in thousandths of
   * the font size), with each character's width looked up once per process for a font of this seal.
   */
  float stringWidth(PDType0Font font, String text) throws IOException {
    Loaded loaded = loadedOf(font);
    if (loaded == null) {
      return font.getStringWidth(text);
    }
    float width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      float w = loaded.pool.glyphs.width(font, cp);
      if (!(w >= 0)) {
        // A character the cache does not answer for (no glyph, or beyond the BMP): PDFBox decides, and fails as before.
        return font.getStringWidth(text);
      }
      width += w;
      i += Character.charCount(cp);
    }
    return width;
  }

  private Loaded loadedOf(PDType0Font font) {
    if (font == null) {
      return null;
    }
    if (font == sansCore.font) {
      return sansCore;
    }
    if (font == sans.font) {
      return sans;
    }
    return font == script.font ? script : null;
  }

  private static boolean hasGlyph(Loaded loaded, int codePoint) {
    float w = loaded.pool.glyphs.width(loaded.font, codePoint);
    return w == Glyphs.UNCACHED ? hasUnicodeGlyph(loaded.font, codePoint) : w >= 0;
  }

  /** Gives the parsed fonts back for the next seal; call only once the document is saved or dropped. */
  @Override
  public void close() {
    script.release();
    sans.release();
    sansCore.release();
  }

  /** Parsed cut sans fonts waiting in the pool (for tests). */
  static int idleSansFonts() {
    return SANS_CORE.idle();
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

  /** One font of one document: the parsed file borrowed from its pool and the PDF font made from it. */
  private static final class Loaded {

    private final FontPool pool;
    private TrueTypeFont file;
    private PDType0Font font;

    Loaded(FontPool pool) {
      this.pool = pool;
    }

    PDType0Font font(PDDocument document) throws IOException {
      if (font == null) {
        if (file == null) {
          file = pool.borrow();
        }
        font = PDType0Font.load(document, file, true);
      }
      return font;
    }

    void release() {
      pool.giveBack(file);
      file = null;
      font = null;
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
    final Glyphs glyphs = new Glyphs();
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

    TrueTypeFont borrow() throws IOException {
      TrueTypeFont font = idle.pollFirst();
      if (font != null) {
        idleCount.decrementAndGet();
        return font;
      }
      TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(file()));
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

  /**
   * What one font file has for each character of the Basic Multilingual Plane: its width (as
   * PDFBox gives it for a one-character string, in thousandths of the font size) or no glyph. The
   * same for every document the file is loaded into (it depends on the file alone), so learned once
   * per process from whichever seal asks first. Filled in blocks of 256 characters; two seals
   * learning the same character at once write the same value.
   */
  static final class Glyphs {

    static final float NO_GLYPH = -1f;
    static final float UNCACHED = -2f;
    private static final int BLOCK = 256;

    private final AtomicReferenceArray<float[]> blocks = new AtomicReferenceArray<>(0x10000 / BLOCK);

    /** The width, {@link #NO_GLYPH}, or {@link #UNCACHED} for a character beyond the BMP or that PDFBox cannot measure. */
    float width(PDType0Font font, int codePoint) {
      if (codePoint < 0 || codePoint >= 0x10000) {
        return UNCACHED;
      }
      int b = codePoint / BLOCK;
      float[] block = blocks.get(b);
      if (block == null) {
        float[] fresh = new float[BLOCK];
        java.util.Arrays.fill(fresh, Float.NaN);
        blocks.compareAndSet(b, null, fresh);
        block = blocks.get(b);
      }
      float w = block[codePoint % BLOCK];
      if (Float.isNaN(w)) {
        w = measure(font, codePoint);
        block[codePoint % BLOCK] = w;
      }
      return w;
    }

    private static float measure(PDType0Font font, int codePoint) {
      if (!hasUnicodeGlyph(font, codePoint)) {
        return NO_GLYPH;
      }
      try {
        float w = font.getStringWidth(new String(Character.toChars(codePoint)));
        return w >= 0 ? w : UNCACHED;
      } catch (IOException | IllegalArgumentException e) {
        return UNCACHED;
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
