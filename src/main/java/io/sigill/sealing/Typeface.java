package io.sigill.sealing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * What a seal needs to know of one shipped font file: the glyph of each character, each glyph's
 * width and the font descriptor. It depends on the file alone, so it is learned once per process
 * and shared by all seals (it is never changed after it is made). Widths and descriptor are the
 * ones PDFBox itself writes for the file, so text measures and embeds as it did when PDFBox loaded
 * the font into every document.
 */
final class Typeface {

  private final String name;
  /** Glyph id of each character of the Basic Multilingual Plane; 0 for none. */
  private final char[] bmp = new char[0x10000];
  /** Glyph ids of the characters beyond the BMP the font has. */
  private final Map<Integer, Integer> beyondBmp = new HashMap<>();
  /** Advance width of each glyph in thousandths of the font size, rounded as PDFBox does for /W. */
  private final int[] widths;
  /** The descriptor's entries but the font's name and file, which differ per document. */
  private final List<Map.Entry<COSName, COSBase>> descriptor = new ArrayList<>();
  private final float descent;

  private Typeface(TrueTypeFont font) throws IOException {
    name = font.getName();
    CmapLookup cmap = font.getUnicodeCmapLookup(false);
    int glyphs = font.getNumberOfGlyphs();
    for (int codePoint = 0; codePoint < bmp.length; codePoint++) {
      bmp[codePoint] = (char) cmap.getGlyphId(codePoint);
    }
    for (int gid = 0; gid < glyphs; gid++) {
      List<Integer> codes = cmap.getCharCodes(gid);
      if (codes != null) {
        for (int code : codes) {
          if (code > 0xFFFF) {
            beyondBmp.put(code, gid);
          }
        }
      }
    }
    HorizontalMetricsTable metrics = font.getHorizontalMetrics();
    float scaling = 1000f / font.getHeader().getUnitsPerEm();
    widths = new int[glyphs];
    for (int gid = 0; gid < glyphs; gid++) {
      widths[gid] = Math.round(metrics.getAdvanceWidth(gid) * scaling);
    }
    // PDFBox's own descriptor for the file (flags, box, ascent, cap height and the rest), from a
    // document that is then dropped: the same values it wrote when it loaded the font per seal.
    try (PDDocument scratch = new PDDocument()) {
      COSDictionary made = PDType0Font.load(scratch, font, true).getFontDescriptor().getCOSObject();
      for (Map.Entry<COSName, COSBase> entry : made.entrySet()) {
        COSName key = entry.getKey();
        if (!key.equals(COSName.FONT_NAME) && !key.equals(COSName.FONT_FILE2) && !key.equals(COSName.CID_SET)) {
          descriptor.add(Map.entry(key, entry.getValue()));
        }
      }
      descent = made.getFloat(COSName.DESCENT, 0);
    }
  }

  static Typeface of(TrueTypeFont font) throws IOException {
    return new Typeface(font);
  }

  /** The font's PostScript name (a subset's name is this after a tag). */
  String name() {
    return name;
  }

  /** The glyph the font shows for this character, 0 when it has none (as PDFBox's encoding finds it). */
  int glyph(int codePoint) {
    if (codePoint >= 0 && codePoint < bmp.length) {
      return bmp[codePoint];
    }
    return beyondBmp.getOrDefault(codePoint, 0);
  }

  boolean hasGlyph(int codePoint) {
    return glyph(codePoint) != 0;
  }

  int glyphCount() {
    return widths.length;
  }

  /** A glyph's width in thousandths of the font size. */
  int width(int glyph) {
    return glyph >= 0 && glyph < widths.length ? widths[glyph] : 0;
  }

  /** The descent below the baseline in thousandths of the font size (negative). */
  float descent() {
    return descent;
  }

  /** A descriptor of this font for one document: fresh objects, as a document's objects are its own. */
  COSDictionary descriptor(String fontName) {
    COSDictionary made = new COSDictionary();
    for (Map.Entry<COSName, COSBase> entry : descriptor) {
      made.setItem(entry.getKey(), copy(entry.getValue()));
    }
    made.setName(COSName.FONT_NAME, fontName);
    return made;
  }

  private static COSBase copy(COSBase value) {
    if (value instanceof COSArray array) {
      COSArray copied = new COSArray();
      for (COSBase element : array) {
        copied.add(copy(element));
      }
      return copied;
    }
    if (value instanceof COSFloat number) {
      return new COSFloat(number.floatValue());
    }
    if (value instanceof COSInteger number) {
      return COSInteger.get(number.longValue());
    }
    // Names: PDFBox shares one object per name everywhere.
    return value;
  }
}
