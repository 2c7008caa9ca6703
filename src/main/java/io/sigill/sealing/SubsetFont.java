package io.sigill.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * A seal font in one document: a Type 0 font with a TrueType CID font, Identity-H encoded (a
 * character code is the glyph id in the shipped file), embedded as a subset of the glyphs shown.
 *
 * <p>It does what {@code PDType0Font.load(document, font, true)} and PDFBox's subsetting at save
 * did, without their per-document cost: that load worked through the widths of every glyph in the
 * font and read glyph outlines for the descriptor, and the subsetting wrote the subset, deflated
 * it, inflated and parsed it again. Here the glyphs, widths and descriptor come from the {@link
 * Typeface} learned once per process; PDFBox draws the text with it as with any font (it asks the
 * font for each character's code), and at save it calls {@link #subset()}, which has the subset
 * written from the shipped file ({@link FontProgram}).
 *
 * <p>A character's glyph comes from the font's cmap alone, with no glyph substitution (such as
 * DejaVu's fi and fl ligatures), so text is drawn with the glyphs and widths it was measured with.
 * The subset has no /CIDSet: only PDF/A-1 asks for it (PDF 2.0 deprecates it), and a sealed
 * document is not PDF/A.
 */
final class SubsetFont extends PDFont {

  private static final String TAG_DIGITS = "BCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final PDDocument document;
  private final Typeface typeface;
  private final SealFonts.FontFile file;
  private final COSDictionary cidFont;
  private final COSDictionary descriptor;
  /**
   * For each glyph id, the first character it was shown for (plus one; 0: not shown), what text
   * extraction gives back. An array, as it is written for every character drawn.
   */
  private int[] firstShownFor;
  /** The glyphs shown, each with the first character it was shown for, once the subset is made. */
  private final TreeMap<Integer, Integer> shown = new TreeMap<>();
  private boolean embedded;

  private SubsetFont(COSDictionary dict, COSDictionary cidFont, COSDictionary descriptor, PDDocument document,
      Typeface typeface, SealFonts.FontFile file) {
    super(dict);
    this.document = document;
    this.typeface = typeface;
    this.file = file;
    this.cidFont = cidFont;
    this.descriptor = descriptor;
  }

  /** The font in this document, not yet holding any glyph. */
  static SubsetFont create(PDDocument document, SealFonts.FontFile file) throws IOException {
    Typeface typeface = file.typeface();
    COSDictionary descriptor = typeface.descriptor(typeface.name());

    COSDictionary info = new COSDictionary();
    info.setString(COSName.REGISTRY, "Adobe");
    info.setString(COSName.ORDERING, "Identity");
    info.setInt(COSName.SUPPLEMENT, 0);
    COSDictionary cidFont = new COSDictionary();
    cidFont.setItem(COSName.TYPE, COSName.FONT);
    cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
    cidFont.setName(COSName.BASE_FONT, typeface.name());
    cidFont.setItem(COSName.CIDSYSTEMINFO, info);
    cidFont.setItem(COSName.FONT_DESC, descriptor);

    COSDictionary dict = new COSDictionary();
    dict.setItem(COSName.TYPE, COSName.FONT);
    dict.setItem(COSName.SUBTYPE, COSName.TYPE0);
    dict.setName(COSName.BASE_FONT, typeface.name());
    dict.setItem(COSName.ENCODING, COSName.IDENTITY_H);
    COSArray descendants = new COSArray();
    descendants.add(cidFont);
    dict.setItem(COSName.DESCENDANT_FONTS, descendants);
    return new SubsetFont(dict, cidFont, descriptor, document, typeface, file);
  }

  Typeface typeface() {
    return typeface;
  }

  /** The glyph id as two bytes; the glyph is kept for the subset. */
  @Override
  protected byte[] encode(int unicode) {
    int glyph = typeface.glyph(unicode);
    if (glyph == 0 || glyph >= typeface.glyphCount()) {
      throw new IllegalArgumentException(String.format("No glyph for U+%04X in font %s", unicode, getName()));
    }
    if (firstShownFor == null) {
      firstShownFor = new int[typeface.glyphCount()];
    }
    if (firstShownFor[glyph] == 0) {
      firstShownFor[glyph] = unicode + 1;
    }
    return new byte[] {(byte) (glyph >> 8), (byte) glyph};
  }

  /** Embeds the subset of the glyphs shown; PDFBox calls it when the document is saved. */
  @Override
  public void subset() throws IOException {
    if (embedded) {
      return;
    }
    embedded = true;
    for (int glyph = 0; firstShownFor != null && glyph < firstShownFor.length; glyph++) {
      if (firstShownFor[glyph] != 0) {
        shown.put(glyph, firstShownFor[glyph] - 1);
      }
    }
    byte[] subset = file.program().subset(shown.navigableKeySet());
    String name = tag() + typeface.name();
    dict.setName(COSName.BASE_FONT, name);
    cidFont.setName(COSName.BASE_FONT, name);
    descriptor.setName(COSName.FONT_NAME, name);
    // The fastest level: outlines and hints compress only about 2% better at the default level, in
    // nearly twice the time (the font is most of what a seal deflates).
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      COSStream fontFile = deflated(deflater, subset);
      fontFile.setInt(COSName.LENGTH1, subset.length);
      descriptor.setItem(COSName.FONT_FILE2, fontFile);
      dict.setItem(COSName.TO_UNICODE, deflated(deflater, toUnicode()));
    } finally {
      deflater.end();
    }
    cidFont.setItem(COSName.W, widths());
    // The subset keeps the file's glyph ids, which are the codes (CIDs) in the content.
    cidFont.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);
  }

  /** A name tag from the font and the glyphs shown: six capitals and a plus, as PDFBox makes them. */
  private String tag() {
    long n = typeface.name().hashCode();
    for (int glyph : shown.keySet()) {
      n = 31 * n + glyph;
    }
    n = Math.abs(n % 244_140_625L); // 25^6
    StringBuilder tag = new StringBuilder();
    do {
      tag.append(TAG_DIGITS.charAt((int) (n % TAG_DIGITS.length())));
      n /= TAG_DIGITS.length();
    } while (n != 0 && tag.length() < 6);
    while (tag.length() < 6) {
      tag.insert(0, 'A');
    }
    return tag.append('+').toString();
  }

  /** /W: each glyph's width where it is not the default 1000, runs of consecutive CIDs together. */
  private COSArray widths() {
    COSArray widths = new COSArray();
    COSArray run = null;
    int previous = Integer.MIN_VALUE;
    for (int cid : shown.keySet()) {
      int width = typeface.width(cid);
      if (width == 1000) {
        continue;
      }
      if (run == null || previous != cid - 1) {
        run = new COSArray();
        widths.add(COSInteger.get(cid));
        widths.add(run);
      }
      run.add(COSInteger.get(width));
      previous = cid;
    }
    return widths;
  }

  /** The ToUnicode CMap: for each glyph shown, the character it was shown for. */
  private byte[] toUnicode() {
    StringBuilder cmap = new StringBuilder(256 + shown.size() * 24);
    cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo\n<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    int left = shown.size();
    var entries = shown.entrySet().iterator();
    while (left > 0) {
      // At most 100 entries to a block, as CMaps require.
      int block = Math.min(100, left);
      cmap.append(block).append(" beginbfchar\n");
      for (int i = 0; i < block; i++) {
        Map.Entry<Integer, Integer> entry = entries.next();
        cmap.append('<');
        hex(cmap, entry.getKey());
        cmap.append("> <");
        for (char c : Character.toChars(entry.getValue())) {
          hex(cmap, c);
        }
        cmap.append(">\n");
      }
      cmap.append("endbfchar\n");
      left -= block;
    }
    cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return cmap.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void hex(StringBuilder out, int value) {
    String digits = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(digits.charAt(value >> shift & 0xF));
    }
  }

  /** A stream of the bytes, deflated here. */
  private COSStream deflated(Deflater deflater, byte[] bytes) throws IOException {
    COSStream stream = document.getDocument().createCOSStream();
    deflater.reset();
    deflater.setInput(bytes);
    deflater.finish();
    byte[] buffer = new byte[8192];
    try (OutputStream out = stream.createRawOutputStream()) {
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        out.write(buffer, 0, n);
      }
    }
    stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
    return stream;
  }

  @Override
  public int readCode(InputStream in) throws IOException {
    int high = in.read();
    int low = in.read();
    if (low < 0) {
      throw new IOException("A two-byte code ended early");
    }
    return high << 8 | low;
  }

  @Override
  public String getName() {
    // Read from the dictionary: PDFont's constructor asks before this class's fields are set.
    return getCOSObject().getNameAsString(COSName.BASE_FONT);
  }

  @Override
  public float getWidthFromFont(int code) {
    return typeface.width(code);
  }

  @Override
  public boolean hasExplicitWidth(int code) {
    return false;
  }

  @Override
  public float getHeight(int code) {
    PDFontDescriptor fd = getFontDescriptor();
    return (fd.getAscent() - fd.getDescent()) / 1000;
  }

  @Override
  public BoundingBox getBoundingBox() {
    PDRectangle box = getFontDescriptor().getFontBoundingBox();
    return new BoundingBox(box.getLowerLeftX(), box.getLowerLeftY(), box.getUpperRightX(), box.getUpperRightY());
  }

  @Override
  protected float getStandard14Width(int code) {
    throw new UnsupportedOperationException("An embedded font is not one of the standard 14");
  }

  @Override
  public boolean isVertical() {
    return false;
  }

  @Override
  public boolean isEmbedded() {
    return true;
  }

  @Override
  public boolean isDamaged() {
    return false;
  }

  /** Nothing to do: {@link #encode(int)} keeps each glyph as the text is drawn. */
  @Override
  public void addToSubset(int codePoint) {}

  /** True, so PDFBox calls {@link #subset()} when it saves the document. */
  @Override
  public boolean willBeSubset() {
    return true;
  }
}
