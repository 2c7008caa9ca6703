package io.sigill.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.fontbox.ttf.GlyfCompositeComp;
import org.apache.fontbox.ttf.GlyfCompositeDescript;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/**
 * A subset FontProgram writes is a TrueType file fontbox reads, in which the glyphs shown (and
 * glyph 0, and the components of composites) have the outlines and metrics of the shipped file
 * under the same glyph ids, every other glyph is empty, and the checksums are TrueType's.
 */
class FontProgramTests {

  private static final byte[] DEJAVU = resource("/fonts/DejaVuSans.ttf");
  private static final byte[] KRISTI = resource("/fonts/Kristi.ttf");

  @Test
  void shownDejaVuGlyphsKeepTheirOutlinesAndMetrics() throws IOException {
    shownGlyphsKeepTheirOutlinesAndMetrics(DEJAVU, "Sealed by Åsa Pérez-Ødegård, 12.03.2024 (UTC) © Sigill");
  }

  @Test
  void shownKristiGlyphsKeepTheirOutlinesAndMetrics() throws IOException {
    shownGlyphsKeepTheirOutlinesAndMetrics(KRISTI, "Asa Perez-Odegard signed, Jürgen Müller too");
  }

  private static void shownGlyphsKeepTheirOutlinesAndMetrics(byte[] file, String text) throws IOException {
    try (TrueTypeFont original = parse(file)) {
      SortedSet<Integer> shown = glyphs(original, text);
      byte[] subset = new FontProgram(file).subset(shown);
      SortedSet<Integer> kept = closure(original, shown);
      try (TrueTypeFont font = parseSubset(subset)) {
        assertThat(font.getNumberOfGlyphs()).as("ids past the last glyph kept are dropped").isEqualTo(kept.last() + 1);
        for (int gid : kept) {
          assertSameGlyph(original, font, gid);
        }
        assertThat(nonEmpty(font)).isEqualTo(nonEmpty(original, kept));
      }
    }
  }

  @Test
  void compositeGlyphKeepsItsComponents() throws IOException {
    try (TrueTypeFont original = parse(DEJAVU)) {
      for (char c : new char[] {'é', 'ñ', 'ü', 'Ç'}) {
        int gid = original.getUnicodeCmapLookup().getGlyphId(c);
        GlyphData glyph = original.getGlyph().getGlyph(gid);
        assertThat(glyph.getDescription().isComposite()).as("%s is a composite in DejaVu Sans", c).isTrue();
        List<Integer> components = new ArrayList<>();
        for (GlyfCompositeComp component : ((GlyfCompositeDescript) glyph.getDescription()).getComponents()) {
          components.add(component.getGlyphIndex());
        }
        assertThat(components).as("components of %s", c).isNotEmpty().doesNotContain(gid);

        byte[] subset = new FontProgram(DEJAVU).subset(new TreeSet<>(List.of(gid)));
        try (TrueTypeFont font = parseSubset(subset)) {
          assertSameGlyph(original, font, gid);
          assertThat(font.getGlyph().getGlyph(gid).getDescription().isComposite()).isTrue();
          for (int component : components) {
            assertThat(outline(font.getGlyph().getGlyph(component))).as("component %d of %s", component, c).isNotEmpty();
            assertSameGlyph(original, font, component);
          }
          // Nothing else is kept: glyph 0, the composite and its components.
          TreeSet<Integer> kept = new TreeSet<>(components);
          kept.add(0);
          kept.add(gid);
          assertThat(nonEmpty(font)).isEqualTo(nonEmpty(original, kept));
        }
      }
    }
  }

  @Test
  void compositeComponentsAfterOnesWithWordArgumentsAreKept() throws IOException {
    // The component records differ in length by their flags: a closure that misreads one loses the next.
    int[] flags = {0x0001, 0x0008, 0x0040, 0x0080}; // word arguments, scale, x and y scale, 2 by 2
    int[] found = new int[flags.length];
    for (byte[] file : List.of(DEJAVU, KRISTI)) {
      FontProgram program = new FontProgram(file);
      try (TrueTypeFont original = parse(file)) {
        for (int gid = 0; gid < original.getNumberOfGlyphs(); gid++) {
          GlyphData glyph = original.getGlyph().getGlyph(gid);
          if (glyph == null || !glyph.getDescription().isComposite()) {
            continue;
          }
          List<GlyfCompositeComp> components = ((GlyfCompositeDescript) glyph.getDescription()).getComponents();
          boolean wanted = false;
          for (int f = 0; f < flags.length; f++) {
            for (GlyfCompositeComp component : components.subList(0, components.size() - 1)) {
              if ((component.getFlags() & flags[f]) != 0 && found[f] < 5) {
                found[f]++;
                wanted = true;
                break;
              }
            }
          }
          if (!wanted) {
            continue;
          }
          SortedSet<Integer> kept = closure(original, new TreeSet<>(List.of(gid)));
          try (TrueTypeFont font = parseSubset(program.subset(new TreeSet<>(List.of(gid))))) {
            assertThat(nonEmpty(font)).as("glyphs with outlines in the subset of composite %d", gid)
                .isEqualTo(nonEmpty(original, kept));
            for (int id : kept) {
              assertSameGlyph(original, font, id);
            }
          }
        }
      }
    }
    // The shipped fonts have no scaled or transformed component before another (found[1..3] are 0).
    assertThat(found[0]).as("composites with a word-argument component before another").isPositive();
  }

  @Test
  void glyphsNotShownAreEmpty() throws IOException {
    try (TrueTypeFont original = parse(DEJAVU)) {
      SortedSet<Integer> shown = glyphs(original, "Sigill 2024");
      try (TrueTypeFont font = parseSubset(new FontProgram(DEJAVU).subset(shown))) {
        TreeSet<Integer> kept = new TreeSet<>(shown);
        kept.add(0);
        assertThat(nonEmpty(font)).isEqualTo(nonEmpty(original, kept));
        // Some glyph below the last shown that has an outline in the file has none in the subset.
        int z = original.getUnicodeCmapLookup().getGlyphId('Z');
        assertThat(z).isLessThan(shown.last());
        assertThat(outline(original.getGlyph().getGlyph(z))).isNotEmpty();
        assertThat(outline(font.getGlyph().getGlyph(z))).isEmpty();
      }
    }
  }

  @Test
  void glyphZeroIsAlwaysKept() throws IOException {
    try (TrueTypeFont original = parse(DEJAVU)) {
      assertThat(outline(original.getGlyph().getGlyph(0))).as(".notdef has an outline").isNotEmpty();
      int a = original.getUnicodeCmapLookup().getGlyphId('A');
      try (TrueTypeFont font = parseSubset(new FontProgram(DEJAVU).subset(new TreeSet<>(List.of(a))))) {
        assertSameGlyph(original, font, 0);
        assertSameGlyph(original, font, a);
      }
      try (TrueTypeFont font = parseSubset(new FontProgram(DEJAVU).subset(new TreeSet<>()))) {
        assertThat(font.getNumberOfGlyphs()).isEqualTo(1);
        assertSameGlyph(original, font, 0);
      }
    }
  }

  @Test
  void subsetIsMuchSmallerThanTheFile() throws IOException {
    String text = "Sealed by Jane Doe on 2024-03-12";
    try (TrueTypeFont original = parse(DEJAVU)) {
      // DejaVu Sans is 760 kB of outlines for thousands of glyphs.
      assertThat(new FontProgram(DEJAVU).subset(glyphs(original, text)).length).isLessThan(DEJAVU.length / 20);
    }
    try (TrueTypeFont original = parse(KRISTI)) {
      // Kristi is 47 kB, its hinting tables (copied whole) a good part of a subset.
      assertThat(new FontProgram(KRISTI).subset(glyphs(original, text)).length).isLessThan(KRISTI.length / 5);
    }
  }

  @Test
  void checksumsFollowTheTrueTypeRule() throws IOException {
    for (byte[] file : List.of(DEJAVU, KRISTI)) {
      try (TrueTypeFont original = parse(file)) {
        assertChecksums(new FontProgram(file).subset(glyphs(original, "Åsa Pérez signed")));
        assertChecksums(new FontProgram(file).subset(new TreeSet<>()));
      }
    }
  }

  @Test
  void everyGlyphShownTakesLongOffsetsAndKeepsEachGlyph() throws IOException {
    try (TrueTypeFont original = parse(DEJAVU)) {
      int glyphs = original.getNumberOfGlyphs();
      TreeSet<Integer> all = new TreeSet<>();
      for (int gid = 0; gid < glyphs; gid++) {
        all.add(gid);
      }
      byte[] subset = new FontProgram(DEJAVU).subset(all);
      int head = tableOffset(subset, "head");
      assertThat(u16(subset, head + 50)).as("indexToLocFormat: long offsets").isEqualTo(1);
      assertChecksums(subset);
      try (TrueTypeFont font = parseSubset(subset)) {
        assertThat(font.getNumberOfGlyphs()).isEqualTo(glyphs);
        for (int gid = 0; gid < glyphs; gid++) {
          assertSameGlyph(original, font, gid);
        }
      }
      // A few glyphs take short ones.
      byte[] small = new FontProgram(DEJAVU).subset(glyphs(original, "Sigill"));
      assertThat(u16(small, tableOffset(small, "head") + 50)).as("indexToLocFormat: short offsets").isEqualTo(0);
    }
  }

  // ---- helpers ----

  /** Outline, contours, bounding box, advance width and left side bearing all as in the original. */
  private static void assertSameGlyph(TrueTypeFont original, TrueTypeFont subset, int gid) throws IOException {
    GlyphData expected = original.getGlyph().getGlyph(gid);
    GlyphData actual = subset.getGlyph().getGlyph(gid);
    assertThat(outline(actual)).as("outline of glyph %d", gid).isEqualTo(outline(expected));
    if (expected != null && actual != null) {
      assertThat(actual.getDescription().getContourCount()).as("contours of glyph %d", gid)
          .isEqualTo(expected.getDescription().getContourCount());
      assertThat(actual.getPath().getBounds2D()).as("bounds of glyph %d", gid).isEqualTo(expected.getPath().getBounds2D());
    }
    assertThat(subset.getAdvanceWidth(gid)).as("advance of glyph %d", gid).isEqualTo(original.getAdvanceWidth(gid));
    assertThat(subset.getHorizontalMetrics().getLeftSideBearing(gid)).as("left side bearing of glyph %d", gid)
        .isEqualTo(original.getHorizontalMetrics().getLeftSideBearing(gid));
  }

  /** The glyph's path as its segments: type and coordinates, one string each. */
  private static List<String> outline(GlyphData glyph) {
    List<String> segments = new ArrayList<>();
    if (glyph == null) {
      return segments;
    }
    GeneralPath path = glyph.getPath();
    double[] coordinates = new double[6];
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(coordinates);
      segments.add(type + " " + Arrays.toString(coordinates));
      Arrays.fill(coordinates, 0);
    }
    return segments;
  }

  /** These glyphs, glyph 0 and the components of composites among them, read by fontbox from the original. */
  private static SortedSet<Integer> closure(TrueTypeFont original, SortedSet<Integer> glyphs) throws IOException {
    TreeSet<Integer> kept = new TreeSet<>();
    List<Integer> todo = new ArrayList<>(glyphs);
    todo.add(0);
    while (!todo.isEmpty()) {
      int gid = todo.remove(todo.size() - 1);
      GlyphData glyph = original.getGlyph().getGlyph(gid);
      if (kept.add(gid) && glyph != null && glyph.getDescription().isComposite()) {
        for (GlyfCompositeComp component : ((GlyfCompositeDescript) glyph.getDescription()).getComponents()) {
          todo.add(component.getGlyphIndex());
        }
      }
    }
    return kept;
  }

  /** The ids of the subset's glyphs that have an outline. */
  private static List<Integer> nonEmpty(TrueTypeFont font) throws IOException {
    List<Integer> ids = new ArrayList<>();
    for (int gid = 0; gid < font.getNumberOfGlyphs(); gid++) {
      if (!outline(font.getGlyph().getGlyph(gid)).isEmpty()) {
        ids.add(gid);
      }
    }
    return ids;
  }

  /** Those of these glyphs that have an outline in the font. */
  private static List<Integer> nonEmpty(TrueTypeFont font, SortedSet<Integer> glyphs) throws IOException {
    List<Integer> ids = new ArrayList<>();
    for (int gid : glyphs) {
      if (!outline(font.getGlyph().getGlyph(gid)).isEmpty()) {
        ids.add(gid);
      }
    }
    return ids;
  }

  /** The file's sum of uint32 is 0xB1B0AFBA, and each table's checksum (head's adjustment as 0) is in the directory. */
  private static void assertChecksums(byte[] font) {
    assertThat(font.length % 4).isZero();
    assertThat(sum(font, 0, font.length)).as("whole file").isEqualTo(0xB1B0AFBA);
    int numTables = u16(font, 4);
    String previousTag = "";
    for (int i = 0; i < numTables; i++) {
      int entry = 12 + 16 * i;
      String tag = new String(font, entry, 4, StandardCharsets.US_ASCII);
      assertThat(tag).as("tags in order").isGreaterThan(previousTag);
      previousTag = tag;
      int offset = u32(font, entry + 8);
      int length = u32(font, entry + 12);
      assertThat(offset % 4).as("%s on a multiple of 4", tag).isZero();
      byte[] table = Arrays.copyOfRange(font, offset, offset + ((length + 3) & ~3));
      if (tag.equals("head")) {
        assertThat(u32(table, 8)).as("checkSumAdjustment is set").isNotZero();
        Arrays.fill(table, 8, 12, (byte) 0);
      }
      assertThat(sum(table, 0, table.length)).as("checksum of %s", tag).isEqualTo(u32(font, entry + 4));
    }
    int entrySelector = u16(font, 8);
    assertThat(u16(font, 6)).as("searchRange").isEqualTo(16 * Integer.highestOneBit(numTables));
    assertThat(1 << entrySelector).isEqualTo(Integer.highestOneBit(numTables));
    assertThat(u16(font, 10)).as("rangeShift").isEqualTo(16 * numTables - u16(font, 6));
  }

  private static int tableOffset(byte[] font, String tag) {
    for (int i = 0; i < u16(font, 4); i++) {
      int entry = 12 + 16 * i;
      if (new String(font, entry, 4, StandardCharsets.US_ASCII).equals(tag)) {
        return u32(font, entry + 8);
      }
    }
    throw new AssertionError("No " + tag);
  }

  private static int sum(byte[] b, int from, int length) {
    int sum = 0;
    for (int i = from; i < from + length; i += 4) {
      sum += u32(b, i);
    }
    return sum;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }

  private static int u32(byte[] b, int at) {
    return u16(b, at) << 16 | u16(b, at + 2);
  }

  private static SortedSet<Integer> glyphs(TrueTypeFont font, String text) throws IOException {
    SortedSet<Integer> glyphs = new TreeSet<>();
    text.codePoints().forEach(c -> {
      try {
        int gid = font.getUnicodeCmapLookup().getGlyphId(c);
        assertThat(gid).as("glyph of U+%04X", c).isPositive();
        glyphs.add(gid);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    return glyphs;
  }

  /** The shipped file, parsed as a whole font. */
  private static TrueTypeFont parse(byte[] file) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(file));
  }

  /**
   * A subset, parsed as PDFBox parses an embedded FontFile2: it has only the tables PDFBox keeps
   * in a subset, so no post, name, cmap or OS/2, which fontbox asks of a whole font only.
   */
  private static TrueTypeFont parseSubset(byte[] subset) throws IOException {
    return new TTFParser(true).parse(new RandomAccessReadBuffer(subset));
  }

  private static byte[] resource(String name) {
    try (InputStream in = FontProgramTests.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
