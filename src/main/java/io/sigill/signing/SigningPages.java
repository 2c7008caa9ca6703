package io.sigill.signing;

import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentContent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/** The document as the signer sees it: page sizes and pages rendered to PNG by PDFBox. */
@Component
class SigningPages {

  /** Readable on a phone and a desktop without being heavy: about 1.5x the 72-dpi page size. */
  static final float DPI = 110f;

  private final SignerActions actions;

  SigningPages(SignerActions actions) {
    this.actions = actions;
  }

  List<PdfPages.PageSize> sizes(String token, AccessContext ctx) {
    try (DocumentContent content = actions.document(token, ctx); PDDocument doc = load(content)) {
      return PdfPages.sizes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Page {@code n} (1-based) as PNG, or null when the document has no such page. */
  byte[] png(String token, int n, AccessContext ctx) {
    try (DocumentContent content = actions.document(token, ctx); PDDocument doc = load(content)) {
      if (n < 1 || n > doc.getNumberOfPages()) {
        return null;
      }
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(n - 1, DPI, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDDocument load(DocumentContent content) throws IOException {
    return Loader.loadPDF(new RandomAccessReadBuffer(content.stream()), "", null, null,
        IOUtils.createTempFileOnlyStreamCache());
  }
}
