package io.sigill.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * <p>What a seal needs of a font file is learned once per process and shared by seals running at
 * once: the glyphs, widths and descriptor ({@link Typeface}) and the parts its subsets are written
 * from ({@link FontProgram}). No seal parses a font.
 *
 * <p>Text in Latin, Greek and Cyrillic script (nearly all of it) is set in a cut of DejaVu Sans made
 * once per process with only those scripts and common punctuation and symbols (about 1,600 of its
 * 6,253 glyphs: a subset keeps the glyph ids of its file, so its metrics and glyph offsets run up to
 * the highest id shown); text with any other character uses the whole font.
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

  private static final FontFile SCRIPT = new FontFile(() -> read("/fonts/Kristi.ttf"));
  private static final FontFile SANS = new FontFile(() -> read("/fonts/DejaVuSans.ttf"));
  private static final FontFile SANS_CORE = new FontFile(() -> cut(SANS.file(), SANS_CORE_RANGES));

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
   * One shipped font file and what seals learn from it, once per process: the file is read (or
   * made) on first use, and so are its {@link Typeface} and {@link FontProgram}.
   */
  static final class FontFile {

    private final Supplier<byte[]> source;
    private volatile byte[] file;
    private volatile Typeface typeface;
    private volatile FontProgram program;

    FontFile(Supplier<byte[]> source) {
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

    /** Learned from the file parsed once (the parsed font is dropped afterwards). */
    Typeface typeface() throws IOException {
      Typeface known = typeface;
      if (known == null) {
        synchronized (this) {
          if (typeface == null) {
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file()))) {
              typeface = Typeface.of(font);
            }
          }
          known = typeface;
        }
      }
      return known;
    }

    FontProgram program() {
      FontProgram known = program;
      if (known == null) {
        synchronized (this) {
          if (program == null) {
            program = new FontProgram(file());
          }
          known = program;
        }
      }
      return known;
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
