package io.sigill.retention;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A plain PDF certificate of a deletion: what was deleted, what was deferred and why. Ids only. */
final class DeletionCertificate {

  private static final float MARGIN = 50;
  private static final float LEADING = 14;

  private DeletionCertificate() {}

  static byte[] render(DeletionRequest request, List<DeletionItem> items, Instant issuedAt) {
    List<String> lines = new ArrayList<>();
    lines.add("Deletion request: " + request.getId());
    lines.add("Scope: " + request.getScope() + "    Requested: " + request.getRequestedAt());
    lines.add("Issued: " + issuedAt);
    lines.add("");
    lines.add("Deleted (crypto-shredded, all stored versions removed):");
    items.stream().filter(i -> i.getOutcome() == ItemOutcome.DELETED)
        .forEach(i -> lines.add("  document " + i.getDocumentId() + request(i)));
    if (items.stream().anyMatch(i -> i.getOutcome() == ItemOutcome.ACCESS_REMOVED)) {
      lines.add("");
      lines.add("Access removed (this party's copy and access deleted; other parties to it keep theirs):");
      items.stream().filter(i -> i.getOutcome() == ItemOutcome.ACCESS_REMOVED)
          .forEach(i -> lines.add("  document " + i.getDocumentId() + request(i)));
    }
    lines.add("");
    lines.add("Deferred (kept for now, deleted automatically once free):");
    items.stream().filter(i -> i.getOutcome() == ItemOutcome.DEFERRED)
        .forEach(i -> lines.add("  document " + i.getDocumentId() + request(i) + " - " + i.getReason()));
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDPage page = null;
      PDPageContentStream text = null;
      float y = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (page == null || y < MARGIN) {
          if (text != null) {
            text.endText();
            text.close();
          }
          page = new PDPage(PDRectangle.A4);
          pdf.addPage(page);
          text = new PDPageContentStream(pdf, page);
          text.beginText();
          y = page.getMediaBox().getHeight() - MARGIN;
          text.newLineAtOffset(MARGIN, y);
          if (i == 0) {
            text.setFont(bold, 16);
            text.showText("Sigill deletion certificate");
            text.newLineAtOffset(0, -2 * LEADING);
            y -= 2 * LEADING;
          }
          text.setFont(regular, 10);
        }
        text.showText(lines.get(i));
        text.newLineAtOffset(0, -LEADING);
        y -= LEADING;
      }
      text.endText();
      text.close();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the deletion certificate", e);
    }
  }

  private static String request(DeletionItem item) {
    return item.getRequestId() == null ? "" : " (signature request " + item.getRequestId() + ")";
  }
}
