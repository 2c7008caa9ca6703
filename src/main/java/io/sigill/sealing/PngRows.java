package io.sigill.sealing;

import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The rows of a PNG in the form drawn signatures come in (8-bit RGB or RGBA, not interlaced, no
 * colour profile or transparency chunk), read straight from its chunks: inflated and unfiltered as
 * the PNG specification says, row by row. For a drawing of a few thousand pixels, ImageIO's reader
 * lookup, metadata and BufferedImage cost far more than this. Any other PNG, and any this reader
 * finds damaged, is left to ImageIO, which decoded all of them before (the same pixels for these).
 */
final class PngRows implements AutoCloseable {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int IHDR = 0x49484452;
  private static final int IDAT = 0x49444154;
  private static final int IEND = 0x49454E44;
  private static final int TRNS = 0x74524E53;
  private static final int ICCP = 0x69434350;

  private final byte[] png;
  private final int width;
  private final int height;
  private final int channels;
  private final Inflater inflater = new Inflater();
  private final byte[] filter = new byte[1];
  /** Where the next chunk starts once the IDAT being inflated is used up. */
  private int nextChunk;
  private byte[] previous;
  private byte[] current;

  private PngRows(byte[] png, int width, int height, int channels, int firstData) {
    this.png = png;
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.nextChunk = firstData;
    this.previous = new byte[width * channels];
    this.current = new byte[width * channels];
  }

  /**
   * The rows of this PNG, or null when it is not of the form read here (or not a PNG at all).
   *
   * @throws IllegalArgumentException for a PNG of more than {@code maxPixels} pixels, before any is decoded
   */
  static PngRows open(byte[] png, long maxPixels) {
    if (png.length < 8 + 25 || !Arrays.equals(png, 0, 8, SIGNATURE, 0, 8) || readInt(png, 8) != 13
        || readInt(png, 12) != IHDR) {
      return null;
    }
    long width = readInt(png, 16) & 0xFFFFFFFFL;
    long height = readInt(png, 20) & 0xFFFFFFFFL;
    int depth = png[24];
    int colourType = png[25];
    boolean plain = png[26] == 0 && png[27] == 0 && png[28] == 0; // deflate, adaptive filtering, not interlaced
    if (depth != 8 || colourType != 2 && colourType != 6 || !plain || width == 0 || height == 0) {
      return null;
    }
    // Unsigned: two sizes of up to 2^32 - 1 can multiply past a long's sign bit.
    if (Long.compareUnsigned(width * height, maxPixels) > 0) {
      throw new IllegalArgumentException("A drawn signature is not a PNG image of a usable size");
    }
    // Chunks up to the image data: a profile or a transparency colour would change the pixels ImageIO gives.
    int at = 8 + 8 + 13 + 4;
    while (true) {
      if (at > png.length - 12) {
        return null;
      }
      int length = readInt(png, at);
      int type = readInt(png, at + 4);
      if (length < 0 || length > png.length - at - 12 || type == TRNS || type == ICCP || type == IEND) {
        return null;
      }
      if (type == IDAT) {
        return new PngRows(png, (int) width, (int) height, colourType == 6 ? 4 : 3, at);
      }
      at += 12 + length;
    }
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  boolean hasAlpha() {
    return channels == 4;
  }

  /**
   * The next row, as 8-bit RGB and (for RGBA) alpha.
   *
   * @throws IOException when the image data is damaged or ends early
   */
  void next(byte[] rgb, byte[] alpha) throws IOException {
    byte[] swap = previous;
    previous = current;
    current = swap;
    inflate(filter, 1);
    inflate(current, current.length);
    unfilter(filter[0], current, previous, channels);
    if (channels == 3) {
      System.arraycopy(current, 0, rgb, 0, current.length);
      return;
    }
    for (int x = 0, i = 0; x < width; x++, i += 4) {
      rgb[3 * x] = current[i];
      rgb[3 * x + 1] = current[i + 1];
      rgb[3 * x + 2] = current[i + 2];
      alpha[x] = current[i + 3];
    }
  }

  /** Fills the buffer's first n bytes with inflated image data, taking the IDAT chunks in turn. */
  private void inflate(byte[] buffer, int n) throws IOException {
    int filled = 0;
    try {
      while (filled < n) {
        int got = inflater.inflate(buffer, filled, n - filled);
        filled += got;
        if (got == 0) {
          if (inflater.finished() || inflater.needsDictionary() || !feed()) {
            throw new IOException("The PNG's image data ends early");
          }
        }
      }
    } catch (DataFormatException e) {
      throw new IOException("The PNG's image data is damaged", e);
    }
  }

  /** Gives the inflater the next IDAT chunk's data; false when there is none. */
  private boolean feed() {
    while (nextChunk <= png.length - 12) {
      int length = readInt(png, nextChunk);
      int type = readInt(png, nextChunk + 4);
      if (length < 0 || length > png.length - nextChunk - 12 || type != IDAT) {
        return false;
      }
      int data = nextChunk + 8;
      nextChunk += 12 + length;
      if (length > 0) {
        inflater.setInput(png, data, length);
        return true;
      }
    }
    return false;
  }

  /** Undoes a row's filter (PNG specification, section 9) in place, given the row above. */
  static void unfilter(int filter, byte[] row, byte[] above, int bpp) throws IOException {
    switch (filter) {
      case 0 -> { }
      case 1 -> {
        for (int i = bpp; i < row.length; i++) {
          row[i] += row[i - bpp];
        }
      }
      case 2 -> {
        for (int i = 0; i < row.length; i++) {
          row[i] += above[i];
        }
      }
      case 3 -> {
        for (int i = 0; i < row.length; i++) {
          int left = i >= bpp ? row[i - bpp] & 0xFF : 0;
          row[i] += (byte) ((left + (above[i] & 0xFF)) >>> 1);
        }
      }
      case 4 -> {
        for (int i = 0; i < row.length; i++) {
          int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
          int b = above[i] & 0xFF;
          int c = i >= bpp ? above[i - bpp] & 0xFF : 0;
          int p = a + b - c;
          int pa = Math.abs(p - a);
          int pb = Math.abs(p - b);
          int pc = Math.abs(p - c);
          row[i] += (byte) (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
        }
      }
      default -> throw new IOException("Unknown PNG row filter " + filter);
    }
  }

  private static int readInt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
  }

  @Override
  public void close() {
    inflater.end();
  }
}
