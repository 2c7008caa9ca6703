package io.sigill.sealing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes subsets of a shipped TrueType file: the file with only the glyphs a seal shows (and glyph
 * 0, and the glyphs composites among them are built from), for embedding as FontFile2.
 *
 * <p>A subset keeps the file's glyph ids, so the codes in the content (CIDs, the glyph ids of the
 * file) need no map (/CIDToGIDMap /Identity): glyphs not shown are left empty, and the ids past the
 * last one kept are dropped. Glyph records are copied as they are (a composite's references stay
 * right), and so are the hinting tables. The tables are those PDFBox keeps in a subset (head, hhea,
 * loca, maxp, cvt, prep, glyf, hmtx, fpgm, gasp). This does in a few array copies what fontbox's
 * subsetter did through its parsed font (and the glyph map PDFBox then had to write).
 *
 * <p>Made once per file (reading only its table directory, head, hhea, maxp and loca) and only read
 * afterwards, so seals running at once share it.
 */
final class FontProgram {

  /** Tables copied from the file as they are, when it has them. */
  private static final String[] COPIED = {"cvt ", "fpgm", "gasp", "prep"};

  private final byte[] file;
  private final Map<String, int[]> tables = new TreeMap<>();
  private final int numberOfHMetrics;
  /** Where each glyph's record starts in glyf, and where the last one ends. */
  private final int[] loca;

  FontProgram(byte[] file) {
    this.file = file;
    int numTables = u16(file, 4);
    for (int i = 0; i < numTables; i++) {
      int entry = 12 + 16 * i;
      tables.put(new String(file, entry, 4, StandardCharsets.US_ASCII), new int[] {u32(file, entry + 8), u32(file, entry + 12)});
    }
    numberOfHMetrics = u16(file, offset("hhea") + 34);
    int numGlyphs = u16(file, offset("maxp") + 4);
    boolean shortLoca = u16(file, offset("head") + 50) == 0;
    int locaAt = offset("loca");
    loca = new int[numGlyphs + 1];
    for (int gid = 0; gid <= numGlyphs; gid++) {
      loca[gid] = shortLoca ? 2 * u16(file, locaAt + 2 * gid) : u32(file, locaAt + 4 * gid);
    }
  }

  /** The subset with these glyphs (ids of this file), as a TrueType file. */
  byte[] subset(SortedSet<Integer> shown) {
    TreeSet<Integer> kept = closure(shown);
    int n = kept.last() + 1;

    // glyf: the records of the glyphs kept, each padded to 4 bytes; loca: where each glyph starts.
    int glyfAt = offset("glyf");
    int glyfLength = 0;
    for (int gid : kept) {
      glyfLength += padded(loca[gid + 1] - loca[gid]);
    }
    byte[] glyf = new byte[glyfLength];
    int[] offsets = new int[n + 1];
    byte[] hmtx = new byte[4 * n];
    int at = 0;
    int next = 0;
    for (int gid : kept) {
      while (next <= gid) {
        offsets[next++] = at;
      }
      System.arraycopy(file, glyfAt + loca[gid], glyf, at, loca[gid + 1] - loca[gid]);
      at += padded(loca[gid + 1] - loca[gid]);
      horizontalMetrics(gid, hmtx);
    }
    offsets[n] = at;
    // Short (halved) offsets when they fit, as they do for the few glyphs of a seal.
    boolean shortLoca = glyfLength <= 0x1FFFE;
    byte[] locaTable = new byte[(n + 1) * (shortLoca ? 2 : 4)];
    for (int gid = 0; gid <= n; gid++) {
      if (shortLoca) {
        put16(locaTable, 2 * gid, offsets[gid] / 2);
      } else {
        put32(locaTable, 4 * gid, offsets[gid]);
      }
    }
    byte[] head = table("head");
    put32(head, 8, 0); // checkSumAdjustment, set once the whole file is known
    put16(head, 50, shortLoca ? 0 : 1);
    byte[] hhea = table("hhea");
    put16(hhea, 34, n);
    byte[] maxp = table("maxp");
    put16(maxp, 4, n);

    // The tables in the order of their tags (as the directory must list them), each on a multiple of 4.
    TreeMap<String, byte[]> subset = new TreeMap<>();
    for (String tag : COPIED) {
      if (tables.containsKey(tag)) {
        subset.put(tag, table(tag));
      }
    }
    subset.put("glyf", glyf);
    subset.put("head", head);
    subset.put("hhea", hhea);
    subset.put("hmtx", hmtx);
    subset.put("loca", locaTable);
    subset.put("maxp", maxp);

    int numTables = subset.size();
    int length = 12 + 16 * numTables;
    for (byte[] table : subset.values()) {
      length += padded(table.length);
    }
    byte[] font = new byte[length];
    int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
    put32(font, 0, 0x00010000);
    put16(font, 4, numTables);
    put16(font, 6, 16 << entrySelector);
    put16(font, 8, entrySelector);
    put16(font, 10, 16 * numTables - (16 << entrySelector));
    int entry = 12;
    int tableAt = 12 + 16 * numTables;
    int headAt = 0;
    int tablesChecksum = 0;
    for (Map.Entry<String, byte[]> table : subset.entrySet()) {
      byte[] bytes = table.getValue();
      System.arraycopy(table.getKey().getBytes(StandardCharsets.US_ASCII), 0, font, entry, 4);
      System.arraycopy(bytes, 0, font, tableAt, bytes.length);
      int checksum = checksum(font, tableAt, padded(bytes.length));
      tablesChecksum += checksum;
      put32(font, entry + 4, checksum);
      put32(font, entry + 8, tableAt);
      put32(font, entry + 12, bytes.length);
      if (table.getKey().equals("head")) {
        headAt = tableAt;
      }
      entry += 16;
      tableAt += padded(bytes.length);
    }
    // The whole file's checksum (the directory's and the tables') comes out as 0xB1B0AFBA: TrueType's
    // rule for head.checkSumAdjustment.
    put32(font, headAt + 8, 0xB1B0AFBA - checksum(font, 0, 12 + 16 * numTables) - tablesChecksum);
    return font;
  }

  /** The glyphs shown, glyph 0, and every glyph a composite among them is built from. */
  private TreeSet<Integer> closure(SortedSet<Integer> shown) {
    TreeSet<Integer> kept = new TreeSet<>();
    Deque<Integer> todo = new ArrayDeque<>(shown);
    todo.push(0);
    int glyf = offset("glyf");
    while (!todo.isEmpty()) {
      int gid = todo.pop();
      if (gid < 0 || gid >= loca.length - 1 || !kept.add(gid)) {
        continue;
      }
      int record = glyf + loca[gid];
      int end = glyf + loca[gid + 1];
      if (end - record < 10 || (short) u16(file, record) >= 0) {
        continue; // empty or simple
      }
      // A composite: its components, each with flags and glyph id, then arguments and a transformation.
      int at = record + 10;
      int flags;
      do {
        flags = u16(file, at);
        todo.push(u16(file, at + 2));
        at += 4 + ((flags & 0x0001) != 0 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
        if ((flags & 0x0008) != 0) { // WE_HAVE_A_SCALE
          at += 2;
        } else if ((flags & 0x0040) != 0) { // WE_HAVE_AN_X_AND_Y_SCALE
          at += 4;
        } else if ((flags & 0x0080) != 0) { // WE_HAVE_A_TWO_BY_TWO
          at += 8;
        }
      } while ((flags & 0x0020) != 0 && at + 4 <= end); // MORE_COMPONENTS
    }
    return kept;
  }

  /** The glyph's advance width and left side bearing from the file's hmtx, into the subset's (one entry per glyph). */
  private void horizontalMetrics(int gid, byte[] hmtx) {
    int at = offset("hmtx");
    int last = numberOfHMetrics - 1;
    int advance = u16(file, at + 4 * Math.min(gid, last));
    int lsb = gid <= last ? u16(file, at + 4 * gid + 2) : u16(file, at + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics));
    put16(hmtx, 4 * gid, advance);
    put16(hmtx, 4 * gid + 2, lsb);
  }

  /** A copy of the table's bytes. */
  private byte[] table(String tag) {
    int[] range = range(tag);
    byte[] table = new byte[range[1]];
    System.arraycopy(file, range[0], table, 0, range[1]);
    return table;
  }

  private int offset(String tag) {
    return range(tag)[0];
  }

  private int[] range(String tag) {
    int[] range = tables.get(tag);
    if (range == null) {
      throw new IllegalStateException("The seal font has no " + tag + " table");
    }
    return range;
  }

  /** TrueType's checksum: the sum of the big-endian 32-bit words (the length a multiple of 4). */
  private static int checksum(byte[] b, int from, int length) {
    int sum = 0;
    for (int i = from; i < from + length; i += 4) {
      sum += u32(b, i);
    }
    return sum;
  }

  private static int padded(int length) {
    return (length + 3) & ~3;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }

  private static int u32(byte[] b, int at) {
    return u16(b, at) << 16 | u16(b, at + 2);
  }

  private static void put16(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 8);
    b[at + 1] = (byte) value;
  }

  private static void put32(byte[] b, int at, int value) {
    put16(b, at, value >>> 16);
    put16(b, at + 2, value);
  }
}
