package io.sigill.signing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Page facts read with PDFBox (temp-file stream cache); the vault remains the PDF gatekeeper. */
final class PdfPages {

  /** Size of one page in PDF points. */
  record PageSize(double width, double height) {}

  private PdfPages() {}

  /**
   * The page count of an upload, or null when PDFBox cannot read it: the vault's intake then
   * refuses it with the precise reason.
   */
  static Integer countOrNull(SignatureRequests.Upload file) {
    try (InputStream in = file.open(); PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(in), "", null, null,
        IOUtils.createTempFileOnlyStreamCache())) {
      return doc.getNumberOfPages();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static List<PageSize> sizes(PDDocument doc) {
    List<PageSize> sizes = new ArrayList<>();
    for (var page : doc.getPages()) {
      PDRectangle box = page.getCropBox();
      boolean turned = page.getRotation() % 180 != 0;
      sizes.add(turned ? new PageSize(box.getHeight(), box.getWidth()) : new PageSize(box.getWidth(), box.getHeight()));
    }
    return sizes;
  }
}
