package io.sigill.sealing;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The drawn signatures of one document as PDF images. An image is decoded once and embedded once
 * however many fields show it (a signer's drawing usually goes on several), as 8-bit RGB with its
 * alpha as soft mask, both deflated: a drawing needs no PNG predictors, which made PDFBox's
 * lossless encoder the costliest part of stamping. Drawings in the usual form are decoded by
 * {@link PngRows}, any other image by ImageIO.
 */
final class StampImages {

  /** A drawn signature larger than this is not a signature; refusing it bounds memory per stamp. */
  static final int MAX_IMAGE_PIXELS = 4_000_000;

  private final PDDocument document;
  private final Map<ByteBuffer, PDImageXObject> embedded = new HashMap<>();

  StampImages(PDDocument document) {
    this.document = document;
  }

  /** The image for these encoded bytes, embedded on first use. */
  PDImageXObject of(byte[] encoded) throws IOException {
    ByteBuffer key = ByteBuffer.wrap(encoded);
    PDImageXObject image = embedded.get(key);
    if (image == null) {
      image = embed(encoded);
      embedded.put(key, image);
    }
    return image;
  }

  private PDImageXObject embed(byte[] encoded) throws IOException {
    try (PngRows rows = PngRows.open(encoded, MAX_IMAGE_PIXELS)) {
      if (rows != null) {
        try {
          return embed(rows.width(), rows.height(), rows.hasAlpha(), rows::next);
        } catch (IOException e) {
          // Damaged as this reader sees it: ImageIO decides, as it did for every drawing before.
        }
      }
    }
    BufferedImage image = decode(encoded);
    return embed(image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha(), new ImageRows(image));
  }

  /** Reads the size before the pixels, so an oversized image is refused without being decoded. */
  static BufferedImage decode(byte[] encoded) throws IOException {
    // An in-memory image stream: ImageIO.read(InputStream) would cache the bytes in a temporary file.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw unusable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_IMAGE_PIXELS) {
          throw unusable();
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    }
  }

  private static IllegalArgumentException unusable() {
    return new IllegalArgumentException("A drawn signature is not a PNG image of a usable size");
  }

  /** The rows of an image, top to bottom, as 8-bit RGB and alpha. */
  private interface Rows {
    void next(byte[] rgb, byte[] alpha) throws IOException;
  }

  private PDImageXObject embed(int width, int height, boolean alpha, Rows rows) throws IOException {
    ByteArrayOutputStream rgbBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream alphaBytes = new ByteArrayOutputStream();
    Deflater rgbDeflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    Deflater alphaDeflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try (DeflaterOutputStream rgbOut = new DeflaterOutputStream(rgbBytes, rgbDeflater, 8192);
        DeflaterOutputStream alphaOut = new DeflaterOutputStream(alphaBytes, alphaDeflater, 8192)) {
      byte[] rgbRow = new byte[width * 3];
      byte[] alphaRow = new byte[width];
      for (int y = 0; y < height; y++) {
        rows.next(rgbRow, alphaRow);
        rgbOut.write(rgbRow);
        if (alpha) {
          alphaOut.write(alphaRow);
        }
      }
    } finally {
      rgbDeflater.end();
      alphaDeflater.end();
    }
    PDImageXObject xobject = new PDImageXObject(document, new ByteArrayInputStream(rgbBytes.toByteArray()),
        COSName.FLATE_DECODE, width, height, 8, PDDeviceRGB.INSTANCE);
    if (alpha) {
      PDImageXObject mask = new PDImageXObject(document, new ByteArrayInputStream(alphaBytes.toByteArray()),
          COSName.FLATE_DECODE, width, height, 8, PDDeviceGray.INSTANCE);
      xobject.getCOSObject().setItem(COSName.SMASK, mask);
    }
    return xobject;
  }

  /** The rows of an image ImageIO decoded, in sRGB as getRGB gives them. */
  private static final class ImageRows implements Rows {

    private final BufferedImage image;
    private final int[] argb;
    private final byte[] samples;
    private int y;

    ImageRows(BufferedImage image) {
      this.image = image;
      this.argb = new int[image.getWidth()];
      // What PNG decoding gives for RGBA: the samples can be read as they are, as getRGB would give them.
      boolean rgba = image.getType() == BufferedImage.TYPE_4BYTE_ABGR && image.getColorModel().getColorSpace().isCS_sRGB()
          && !image.getColorModel().isAlphaPremultiplied();
      this.samples = rgba ? new byte[image.getWidth() * 4] : null;
    }

    @Override
    public void next(byte[] rgb, byte[] alpha) {
      int width = argb.length;
      if (samples != null) {
        Raster raster = image.getRaster();
        raster.getDataElements(0, y, width, 1, samples);
        for (int x = 0; x < width; x++) {
          argb[x] = (samples[4 * x + 3] & 0xFF) << 24 | (samples[4 * x] & 0xFF) << 16
              | (samples[4 * x + 1] & 0xFF) << 8 | (samples[4 * x + 2] & 0xFF);
        }
      } else {
        image.getRGB(0, y, width, 1, argb, 0, width);
      }
      y++;
      for (int x = 0; x < width; x++) {
        int p = argb[x];
        rgb[3 * x] = (byte) (p >> 16);
        rgb[3 * x + 1] = (byte) (p >> 8);
        rgb[3 * x + 2] = (byte) p;
        alpha[x] = (byte) (p >>> 24);
      }
    }
  }
}
