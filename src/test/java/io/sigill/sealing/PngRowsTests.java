package io.sigill.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * PngRows gives, for the PNGs it reads, exactly the pixels ImageIO gives; declines (null) every
 * other form so the caller falls back to ImageIO; refuses oversized images before decoding; and
 * reports damaged image data as an IOException.
 */
class PngRowsTests {

  private static final int[][] SIZES = {{37, 11}, {1, 1}, {300, 100}, {2, 7}};

  // ---- same pixels as ImageIO ----

  @Test
  void rgbWrittenByImageIoReadsAsImageIoReadsIt() throws IOException {
    for (int[] size : SIZES) {
      int[] argb = pixels(size[0], size[1], false, size[0] * 31 + size[1]);
      byte[] png = imageIoPng(size[0], size[1], argb, false);
      assertSameAsImageIo(png, false);
      assertThat(decode(png, false)).as("%dx%d", size[0], size[1]).isEqualTo(argb);
    }
  }

  @Test
  void rgbaWrittenByImageIoReadsAsImageIoReadsIt() throws IOException {
    for (int[] size : SIZES) {
      int[] argb = pixels(size[0], size[1], true, size[0] * 17 + size[1]);
      byte[] png = imageIoPng(size[0], size[1], argb, true);
      assertSameAsImageIo(png, true);
      assertThat(decode(png, true)).as("%dx%d", size[0], size[1]).isEqualTo(argb);
    }
  }

  @Test
  void everyRowFilterUndoneAsImageIoUndoesItForRgb() throws IOException {
    everyRowFilterUndoneAsImageIoUndoesIt(false);
  }

  @Test
  void everyRowFilterUndoneAsImageIoUndoesItForRgba() throws IOException {
    everyRowFilterUndoneAsImageIoUndoesIt(true);
  }

  private static void everyRowFilterUndoneAsImageIoUndoesIt(boolean alpha) throws IOException {
    for (int[] size : SIZES) {
      int[] argb = pixels(size[0], size[1], alpha, size[0] + 1000 * size[1]);
      // Row y takes filter (y + first) % 5: each filter on the first row (no row above) and on later ones.
      for (int first = 0; first < 5; first++) {
        int start = first;
        byte[] data = filtered(size[0], size[1], argb, alpha, y -> (y + start) % 5);
        // The image data over several IDAT chunks (an empty one among them; of one byte each for the
        // small images), and over a single one.
        for (int chunk : new int[] {size[0] * size[1] < 100 ? 1 : 7, 64, Integer.MAX_VALUE}) {
          byte[] png = png(size[0], size[1], 8, alpha ? 6 : 2, 0, List.of(), deflate(data), chunk);
          assertSameAsImageIo(png, alpha);
          assertThat(decode(png, alpha)).as("%dx%d first filter %d", size[0], size[1], first).isEqualTo(argb);
        }
      }
    }
  }

  @Test
  void eachFilterAloneOnAnImageWithVariedPixels() throws IOException {
    int width = 300;
    int height = 100;
    for (boolean alpha : new boolean[] {false, true}) {
      int[] argb = pixels(width, height, alpha, 42);
      for (int filter = 0; filter < 5; filter++) {
        int f = filter;
        byte[] png = png(width, height, 8, alpha ? 6 : 2, 0, List.of(), deflate(filtered(width, height, argb, alpha, y -> f)), 1000);
        assertSameAsImageIo(png, alpha);
        assertThat(decode(png, alpha)).as("filter %d alpha %s", filter, alpha).isEqualTo(argb);
      }
    }
  }

  @Test
  void sizeAndAlphaAreTheHeaders() {
    int[] argb = pixels(37, 11, true, 1);
    try (PngRows rows = PngRows.open(png(37, 11, 8, 6, 0, List.of(), deflate(filtered(37, 11, argb, true, y -> 0)), 50), 1000)) {
      assertThat(rows).isNotNull();
      assertThat(rows.width()).isEqualTo(37);
      assertThat(rows.height()).isEqualTo(11);
      assertThat(rows.hasAlpha()).isTrue();
    }
    try (PngRows rows = PngRows.open(png(11, 37, 8, 2, 0, List.of(), deflate(filtered(11, 37, argb, false, y -> 0)), 50), 1000)) {
      assertThat(rows).isNotNull();
      assertThat(rows.width()).isEqualTo(11);
      assertThat(rows.height()).isEqualTo(37);
      assertThat(rows.hasAlpha()).isFalse();
    }
  }

  // ---- other forms are left to ImageIO ----

  @Test
  void notAPngIsLeftToImageIo() throws IOException {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    assertThat(PngRows.open(jpeg.toByteArray(), 1000)).isNull();
    assertThat(PngRows.open(new byte[0], 1000)).isNull();
    assertThat(PngRows.open("not an image at all, just some words here".getBytes(StandardCharsets.US_ASCII), 1000)).isNull();
    byte[] png = png(4, 4, 8, 2, 0, List.of(), deflate(new byte[4 * 13]), 100);
    assertThat(PngRows.open(Arrays.copyOf(png, 20), 1000)).as("cut inside the header").isNull();
    png[1] = 'Q';
    assertThat(PngRows.open(png, 1000)).as("wrong signature").isNull();
  }

  @Test
  void sixteenBitDepthIsLeftToImageIo() {
    assertThat(PngRows.open(png(4, 4, 16, 2, 0, List.of(), deflate(new byte[4 * 25]), 100), 1000)).isNull();
    assertThat(PngRows.open(png(4, 4, 16, 6, 0, List.of(), deflate(new byte[4 * 33]), 100), 1000)).isNull();
  }

  @Test
  void paletteImageIsLeftToImageIo() throws IOException {
    byte[] png = imageIoPng(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_INDEXED));
    assertThat(png[25]).as("colour type").isEqualTo((byte) 3);
    assertThat(PngRows.open(png, 1000)).isNull();
  }

  @Test
  void greyscaleImageIsLeftToImageIo() throws IOException {
    byte[] grey = imageIoPng(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY));
    assertThat(grey[25]).as("colour type").isEqualTo((byte) 0);
    assertThat(PngRows.open(grey, 1000)).isNull();
    assertThat(PngRows.open(png(4, 4, 8, 4, 0, List.of(), deflate(new byte[4 * 9]), 100), 1000)).as("grey and alpha").isNull();
  }

  @Test
  void interlacedImageIsLeftToImageIo() {
    assertThat(PngRows.open(png(4, 4, 8, 2, 1, List.of(), deflate(new byte[200]), 100), 1000)).isNull();
  }

  @Test
  void transparencyChunkBeforeTheDataIsLeftToImageIo() {
    byte[] data = deflate(filtered(4, 4, pixels(4, 4, false, 3), false, y -> 0));
    byte[] trns = chunk("tRNS", new byte[] {0, 1, 0, 2, 0, 3});
    assertThat(PngRows.open(png(4, 4, 8, 2, 0, List.of(trns), data, 100), 1000)).isNull();
    // The same image without it is read here: the chunk is what sends it to ImageIO.
    try (PngRows rows = PngRows.open(png(4, 4, 8, 2, 0, List.of(), data, 100), 1000)) {
      assertThat(rows).isNotNull();
    }
  }

  @Test
  void colourProfileChunkBeforeTheDataIsLeftToImageIo() {
    byte[] data = deflate(filtered(4, 4, pixels(4, 4, true, 3), true, y -> 0));
    byte[] profile = new byte[20];
    System.arraycopy("icc\0\0".getBytes(StandardCharsets.US_ASCII), 0, profile, 0, 5);
    byte[] text = chunk("tEXt", "Comment\0drawn".getBytes(StandardCharsets.US_ASCII));
    assertThat(PngRows.open(png(4, 4, 8, 6, 0, List.of(text, chunk("iCCP", profile)), data, 100), 1000)).isNull();
    try (PngRows rows = PngRows.open(png(4, 4, 8, 6, 0, List.of(text), data, 100), 1000)) {
      assertThat(rows).as("another ancillary chunk is passed over").isNotNull();
    }
  }

  @Test
  void noImageDataIsLeftToImageIo() {
    assertThat(PngRows.open(png(4, 4, 8, 2, 0, List.of(), new byte[0], 100), 1000)).isNull();
  }

  // ---- oversized images ----

  @Test
  void imageAboveMaxPixelsRefusedFromItsHeaderAlone() {
    // 100000 x 100000 RGBA: 40 GB of pixels if it were decoded; the file has no data at all.
    byte[] huge = png(100_000, 100_000, 8, 6, 0, List.of(), new byte[0], 100);
    assertThatThrownBy(() -> PngRows.open(huge, StampImages.MAX_IMAGE_PIXELS)).isInstanceOf(IllegalArgumentException.class);
    byte[] wide = png(2_000_001, 2, 8, 2, 0, List.of(), new byte[0], 100);
    assertThatThrownBy(() -> PngRows.open(wide, 4_000_000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void imageOfExactlyMaxPixelsIsRead() throws IOException {
    int[] argb = pixels(40, 25, true, 9);
    byte[] png = png(40, 25, 8, 6, 0, List.of(), deflate(filtered(40, 25, argb, true, y -> y % 5)), 100);
    try (PngRows rows = PngRows.open(png, 1000)) {
      assertThat(rows).isNotNull();
    }
    assertThatThrownBy(() -> PngRows.open(png, 999)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headerWhoseSizeOverflowsIsRefusedNotAllocated() {
    // Width and height of 2^32 - 1 each: their product wraps around a long to a negative number.
    byte[] data = deflate(new byte[16]);
    byte[] huge = png(0xFFFFFFFF, 0xFFFFFFFF, 8, 6, 0, List.of(), data, 100);
    assertThatThrownBy(() -> PngRows.open(huge, StampImages.MAX_IMAGE_PIXELS)).isInstanceOf(IllegalArgumentException.class);
    byte[] wide = png(0x80000000, 1, 8, 2, 0, List.of(), data, 100);
    assertThatThrownBy(() -> PngRows.open(wide, StampImages.MAX_IMAGE_PIXELS)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- damaged image data ----

  @Test
  void imageDataCutShortIsAnIoException() {
    int[] argb = pixels(37, 11, true, 5);
    byte[] data = deflate(filtered(37, 11, argb, true, y -> y % 5));
    // Split in 10-byte IDATs, then the file cut after the first few chunks (no IEND).
    byte[] png = png(37, 11, 8, 6, 0, List.of(), data, 10);
    int cut = 8 + 25 + 3 * (12 + 10);
    assertThatThrownBy(() -> readAll(Arrays.copyOf(png, cut))).isInstanceOf(IOException.class);
    // The file cut inside an IDAT chunk (its length claims more than is there).
    assertThatThrownBy(() -> readAll(Arrays.copyOf(png, cut + 15))).isInstanceOf(IOException.class);
  }

  @Test
  void deflateStreamEndingBeforeTheLastRowIsAnIoException() {
    int[] argb = pixels(37, 11, false, 5);
    byte[] rows = filtered(37, 11, argb, false, y -> y % 5);
    // A complete zlib stream, but of only ten of the eleven rows.
    byte[] png = png(37, 11, 8, 2, 0, List.of(), deflate(Arrays.copyOf(rows, rows.length - (1 + 3 * 37))), 16);
    assertThatThrownBy(() -> readAll(png)).isInstanceOf(IOException.class).hasMessageContaining("ends early");
  }

  @Test
  void corruptedDeflateDataIsAnIoException() {
    int[] argb = pixels(37, 11, true, 6);
    byte[] data = deflate(filtered(37, 11, argb, true, y -> y % 5));
    byte[] badBlock = data.clone();
    badBlock[2] |= 0x06; // the first block's type 3: reserved, invalid
    assertThatThrownBy(() -> readAll(png(37, 11, 8, 6, 0, List.of(), badBlock, 9))).isInstanceOf(IOException.class);
    byte[] badHeader = data.clone();
    badHeader[1] ^= 0x01; // the zlib header's check bits no longer check
    assertThatThrownBy(() -> readAll(png(37, 11, 8, 6, 0, List.of(), badHeader, 9))).isInstanceOf(IOException.class);
  }

  @Test
  void unknownRowFilterIsAnIoException() {
    int[] argb = pixels(37, 11, true, 7);
    byte[] rows = filtered(37, 11, argb, true, y -> y % 5);
    byte[] seven = rows.clone();
    seven[3 * (1 + 4 * 37)] = 7; // the fourth row's filter
    assertThatThrownBy(() -> readAll(png(37, 11, 8, 6, 0, List.of(), deflate(seven), 50)))
        .isInstanceOf(IOException.class).hasMessageContaining("filter 7");
    byte[] high = rows.clone();
    high[0] = (byte) 0xFF; // read as a signed byte it is -1
    assertThatThrownBy(() -> readAll(png(37, 11, 8, 6, 0, List.of(), deflate(high), 50))).isInstanceOf(IOException.class);
    byte[] five = rows.clone();
    five[0] = 5;
    assertThatThrownBy(() -> readAll(png(37, 11, 8, 6, 0, List.of(), deflate(five), 50))).isInstanceOf(IOException.class);
  }

  // ---- StampImages' fallback ----

  @Test
  void stampImageOfAPngDamagedForBothReadersIsAnIoException() throws IOException {
    byte[] rows = filtered(37, 11, pixels(37, 11, true, 8), true, y -> y % 5);
    rows[0] = 7;
    byte[] png = png(37, 11, 8, 6, 0, List.of(), deflate(rows), 50);
    try (PDDocument document = new PDDocument()) {
      // PngRows finds it damaged, ImageIO (asked next) too: an error, not an image of whatever was read.
      assertThatThrownBy(() -> new StampImages(document).of(png)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void stampImageOfAPngReadHereMatchesThatOfTheSamePixelsReadByImageIo() throws IOException {
    int[] argb = pixels(37, 11, true, 10);
    byte[] read = png(37, 11, 8, 6, 0, List.of(), deflate(filtered(37, 11, argb, true, y -> y % 5)), 20);
    // The same pixels with a (harmless) 16-bit depth: PngRows declines, ImageIO decodes.
    byte[] sixteen = new byte[11 * (1 + 8 * 37)];
    for (int y = 0, i = 0; y < 11; y++) {
      sixteen[i++] = 0;
      for (int x = 0; x < 37; x++) {
        int p = argb[y * 37 + x];
        for (int shift : new int[] {16, 8, 0, 24}) {
          sixteen[i++] = (byte) (p >>> shift);
          sixteen[i++] = (byte) (p >>> shift);
        }
      }
    }
    byte[] viaImageIo = png(37, 11, 16, 6, 0, List.of(), deflate(sixteen), 20);
    assertThat(PngRows.open(viaImageIo, 1000)).isNull();
    try (PDDocument document = new PDDocument()) {
      StampImages images = new StampImages(document);
      PDImageXObject ours = images.of(read);
      PDImageXObject theirs = images.of(viaImageIo);
      assertThat(ours).isNotSameAs(theirs);
      byte[] rgb = new byte[3 * argb.length];
      byte[] alpha = new byte[argb.length];
      for (int i = 0; i < argb.length; i++) {
        rgb[3 * i] = (byte) (argb[i] >> 16);
        rgb[3 * i + 1] = (byte) (argb[i] >> 8);
        rgb[3 * i + 2] = (byte) argb[i];
        alpha[i] = (byte) (argb[i] >>> 24);
      }
      for (PDImageXObject image : List.of(ours, theirs)) {
        assertThat(image.getWidth()).isEqualTo(37);
        assertThat(image.getHeight()).isEqualTo(11);
        try (InputStream samples = image.getStream().createInputStream();
            InputStream mask = image.getCOSObject().getCOSStream(COSName.SMASK).createInputStream()) {
          assertThat(samples.readAllBytes()).isEqualTo(rgb);
          assertThat(mask.readAllBytes()).isEqualTo(alpha);
        }
      }
      assertThat(images.of(read.clone())).as("embedded once").isSameAs(ours);
    }
  }

  // ---- helpers ----

  /** The pixels PngRows gives, as ARGB (opaque when the image has no alpha). */
  private static int[] decode(byte[] png, boolean alpha) throws IOException {
    try (PngRows rows = PngRows.open(png, StampImages.MAX_IMAGE_PIXELS)) {
      assertThat(rows).as("read by PngRows").isNotNull();
      assertThat(rows.hasAlpha()).isEqualTo(alpha);
      int width = rows.width();
      int[] argb = new int[width * rows.height()];
      byte[] rgb = new byte[3 * width];
      byte[] a = new byte[width];
      for (int y = 0; y < rows.height(); y++) {
        Arrays.fill(a, (byte) 0xFF);
        rows.next(rgb, a);
        for (int x = 0; x < width; x++) {
          argb[y * width + x] = (a[x] & 0xFF) << 24 | (rgb[3 * x] & 0xFF) << 16 | (rgb[3 * x + 1] & 0xFF) << 8 | rgb[3 * x + 2] & 0xFF;
        }
      }
      return argb;
    }
  }

  private static void readAll(byte[] png) throws IOException {
    try (PngRows rows = PngRows.open(png, StampImages.MAX_IMAGE_PIXELS)) {
      if (rows == null) {
        throw new AssertionError("Not read by PngRows at all");
      }
      byte[] rgb = new byte[3 * rows.width()];
      byte[] alpha = new byte[rows.width()];
      for (int y = 0; y < rows.height(); y++) {
        rows.next(rgb, alpha);
      }
    }
  }

  private static void assertSameAsImageIo(byte[] png, boolean alpha) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getColorModel().hasAlpha()).isEqualTo(alpha);
    int width = image.getWidth();
    int height = image.getHeight();
    int[] expected = image.getRGB(0, 0, width, height, null, 0, width);
    int[] actual = decode(png, alpha);
    assertThat(actual.length).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      if (actual[i] != expected[i]) {
        throw new AssertionError(String.format("%dx%d: pixel (%d, %d) is %08X, ImageIO gives %08X",
            width, height, i % width, i / width, actual[i], expected[i]));
      }
    }
  }

  /** Varied pixels: gradients (which the filters predict) with noise, and alpha from 0 to 255. */
  private static int[] pixels(int width, int height, boolean alpha, long seed) {
    Random random = new Random(seed);
    int[] argb = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 7 + random.nextInt(3)) & 0xFF;
        int g = (y * 13 + x) & 0xFF;
        int b = random.nextInt(256);
        int a = alpha ? (random.nextInt(4) == 0 ? 0 : random.nextInt(4) == 0 ? 255 : random.nextInt(256)) : 255;
        argb[y * width + x] = a << 24 | r << 16 | g << 8 | b;
      }
    }
    if (alpha) {
      argb[0] &= 0x00FFFFFF; // fully transparent, with a colour
    }
    return argb;
  }

  private static byte[] imageIoPng(int width, int height, int[] argb, boolean alpha) throws IOException {
    BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    byte[] png = imageIoPng(image);
    assertThat(png[24]).as("depth").isEqualTo((byte) 8);
    assertThat(png[25]).as("colour type").isEqualTo((byte) (alpha ? 6 : 2));
    return png;
  }

  private static byte[] imageIoPng(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, "png", out)).isTrue();
    return out.toByteArray();
  }

  /** The image's rows as the PNG's filtered scanlines, row y with filter filterOf(y). */
  private static byte[] filtered(int width, int height, int[] argb, boolean alpha, java.util.function.IntUnaryOperator filterOf) {
    int bpp = alpha ? 4 : 3;
    int stride = width * bpp;
    byte[] out = new byte[height * (1 + stride)];
    byte[] above = new byte[stride];
    byte[] row = new byte[stride];
    for (int y = 0, o = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = argb[y * width + x];
        row[bpp * x] = (byte) (p >> 16);
        row[bpp * x + 1] = (byte) (p >> 8);
        row[bpp * x + 2] = (byte) p;
        if (alpha) {
          row[bpp * x + 3] = (byte) (p >>> 24);
        }
      }
      int filter = filterOf.applyAsInt(y);
      out[o++] = (byte) filter;
      for (int i = 0; i < stride; i++) {
        int raw = row[i] & 0xFF;
        int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
        int b = above[i] & 0xFF;
        int c = i >= bpp ? above[i - bpp] & 0xFF : 0;
        int predicted = switch (filter) {
          case 0 -> 0;
          case 1 -> a;
          case 2 -> b;
          case 3 -> (a + b) / 2;
          case 4 -> paeth(a, b, c);
          default -> throw new IllegalArgumentException();
        };
        out[o++] = (byte) (raw - predicted);
      }
      byte[] swap = above;
      above = row;
      row = swap;
    }
    return out;
  }

  /** The Paeth predictor as the PNG specification writes it (not as PngRows does). */
  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    if (pa <= pb && pa <= pc) {
      return a;
    }
    return pb <= pc ? b : c;
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * A PNG with this header, these chunks before the image data, and the data in IDAT chunks of at
   * most chunkSize bytes (an empty IDAT after the first when there are several).
   */
  private static byte[] png(int width, int height, int depth, int colourType, int interlace, List<byte[]> before,
      byte[] data, int chunkSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    byte[] ihdr = new byte[13];
    put32(ihdr, 0, width);
    put32(ihdr, 4, height);
    ihdr[8] = (byte) depth;
    ihdr[9] = (byte) colourType;
    ihdr[12] = (byte) interlace;
    out.writeBytes(chunk("IHDR", ihdr));
    before.forEach(out::writeBytes);
    for (int at = 0, n = 0; at < data.length; n++) {
      int length = Math.min(chunkSize, data.length - at);
      out.writeBytes(chunk("IDAT", Arrays.copyOfRange(data, at, at + length)));
      at += length;
      if (n == 0 && at < data.length) {
        out.writeBytes(chunk("IDAT", new byte[0]));
      }
    }
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] chunk = new byte[12 + data.length];
    put32(chunk, 0, data.length);
    System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, chunk, 4, 4);
    System.arraycopy(data, 0, chunk, 8, data.length);
    CRC32 crc = new CRC32();
    crc.update(chunk, 4, 4 + data.length);
    put32(chunk, 8 + data.length, (int) crc.getValue());
    return chunk;
  }

  private static void put32(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }
}
