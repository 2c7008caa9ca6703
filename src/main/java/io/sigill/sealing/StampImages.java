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
 * lossless encoder the costliest part of stamping.
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
      image = embed(decode(encoded));
      embedded.put(key, image);
    }
    return image;
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

  private PDImageXObject embed(BufferedImage image) throws IOException {
    int width = image.getWidth();
    int height = image.getHeight();
    boolean alpha = image.getColorModel().hasAlpha();
    ByteArrayOutputStream rgbBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream alphaBytes = new ByteArrayOutputStream();
    Deflater rgbDeflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    Deflater alphaDeflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try (DeflaterOutputStream rgbOut = new DeflaterOutputStream(rgbBytes, rgbDeflater, 8192);
        DeflaterOutputStream alphaOut = new DeflaterOutputStream(alphaBytes, alphaDeflater, 8192)) {
      int[] argb = new int[width];
      byte[] rgbRow = new byte[width * 3];
      byte[] alphaRow = new byte[width];
      // What PNG decoding gives for RGBA: the samples can be read as they are, as getRGB would give them.
      boolean rgba = image.getType() == BufferedImage.TYPE_4BYTE_ABGR && image.getColorModel().getColorSpace().isCS_sRGB()
          && !image.getColorModel().isAlphaPremultiplied();
      Raster raster = image.getRaster();
      byte[] samples = rgba ? new byte[width * 4] : null;
      for (int y = 0; y < height; y++) {
        if (rgba) {
          raster.getDataElements(0, y, width, 1, samples);
          for (int x = 0; x < width; x++) {
            argb[x] = (samples[4 * x + 3] & 0xFF) << 24 | (samples[4 * x] & 0xFF) << 16
                | (samples[4 * x + 1] & 0xFF) << 8 | (samples[4 * x + 2] & 0xFF);
          }
        } else {
          image.getRGB(0, y, width, 1, argb, 0, width);
        }
        for (int x = 0; x < width; x++) {
          int p = argb[x];
          rgbRow[3 * x] = (byte) (p >> 16);
          rgbRow[3 * x + 1] = (byte) (p >> 8);
          rgbRow[3 * x + 2] = (byte) p;
          alphaRow[x] = (byte) (p >>> 24);
        }
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
}
