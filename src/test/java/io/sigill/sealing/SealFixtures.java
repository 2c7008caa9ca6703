package io.sigill.sealing;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.sigill.audit.AuditTrail;
import io.sigill.sealing.SealingInput.AuditLine;
import io.sigill.sealing.SealingInput.FieldStamp;
import io.sigill.sealing.SealingInput.FieldType;
import io.sigill.sealing.SealingInput.SignerEvidence;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** Test PDFs, inputs and keys for sealing; public so the benchmark can use them. */
public final class SealFixtures {

  private static SealKey key;

  private SealFixtures() {}

  static synchronized SealKey key() {
    if (key == null) {
      try {
        key = SealKeys.selfSigned("CN=Sigill test seal,O=Sigill");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return key;
  }

  /** A plain document of n Letter pages with some text. */
  public static byte[] plainPdf(int pages) {
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
          out.beginText();
          out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
          out.newLineAtOffset(72, 700);
          for (int line = 0; line < 40; line++) {
            out.showText("Page " + (i + 1) + ", clause " + line + ": the parties agree to the terms set out here.");
            out.newLineAtOffset(0, -14);
          }
          out.endText();
        }
      }
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** n Letter pages, each a scanned-looking JPEG (about 40-60 KB a page), as contracts often arrive. */
  public static byte[] scannedPdf(int pages) {
    try (PDDocument doc = new PDDocument()) {
      java.util.Random random = new java.util.Random(42);
      for (int i = 0; i < pages; i++) {
        BufferedImage scan = new BufferedImage(850, 1100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 850, 1100);
        g.setColor(Color.DARK_GRAY);
        for (int line = 0; line < 45; line++) {
          g.drawString("Page " + (i + 1) + " clause " + line + " the parties agree " + random.nextInt(), 60, 60 + line * 22);
        }
        g.dispose();
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        var image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromImage(doc, scan, 0.75f);
        try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
          out.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
        }
      }
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pages 1..5: Letter /Rotate 0, A4 /Rotate 90, A5 /Rotate 180, Legal /Rotate 270, and a page
   * whose crop box does not start at 0,0; with an AcroForm text field and a note annotation.
   */
  static byte[] mixedPdf() {
    try (PDDocument doc = new PDDocument()) {
      PDRectangle[] sizes = {PDRectangle.LETTER, PDRectangle.A4, PDRectangle.A5, PDRectangle.LEGAL};
      int[] rotations = {0, 90, 180, 270};
      for (int i = 0; i < 4; i++) {
        PDPage page = new PDPage(sizes[i]);
        page.setRotation(rotations[i]);
        doc.addPage(page);
      }
      PDPage offset = new PDPage(new PDRectangle(0, 0, 700, 500));
      offset.setCropBox(new PDRectangle(100, 50, 500, 400));
      doc.addPage(offset);

      PDAcroForm form = new PDAcroForm(doc);
      doc.getDocumentCatalog().setAcroForm(form);
      form.setDefaultResources(new PDResources());
      PDTextField text = new PDTextField(form);
      text.setPartialName("existingField");
      form.getFields().add(text);
      var widget = text.getWidgets().get(0);
      widget.setRectangle(new PDRectangle(300, 300, 150, 20));
      widget.setPage(doc.getPage(0));
      doc.getPage(0).getAnnotations().add(widget);
      PDAnnotationText note = new PDAnnotationText();
      note.setRectangle(new PDRectangle(500, 700, 20, 20));
      note.setContents("A reviewer's note");
      doc.getPage(0).getAnnotations().add(note);
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A solid red PNG, easy to find in a rendering. */
  public static byte[] redPng() {
    BufferedImage image = new BufferedImage(80, 40, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 80, 40);
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Input for n signers with the three fields each (drawn signature, date, typed initials) on the given pages. */
  public static SealingInput input(String transactionId, int signers, int pages) {
    List<SignerEvidence> evidence = new ArrayList<>();
    List<FieldStamp> fields = new ArrayList<>();
    List<AuditLine> lines = new ArrayList<>();
    Instant t = Instant.parse("2025-03-01T10:00:00Z");
    for (int i = 0; i < signers; i++) {
      evidence.add(new SignerEvidence("Signer Nº" + (i + 1) + " Ödegaard", "signer" + i + "@example.com", "192.0.2." + i,
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
          "email link + one-time code", t, t.plusSeconds(60), t.plusSeconds(120 + i)));
      int page = 1 + (i * 7) % pages;
      fields.add(new FieldStamp(page, 72, 100 + i * 60, 160, 40, FieldType.SIGNATURE, null, redPng()));
      fields.add(new FieldStamp(page, 260, 100 + i * 60, 140, 20, FieldType.DATE_SIGNED, t.plusSeconds(120).toString(), null));
      fields.add(new FieldStamp(pages, 420, 100 + i * 60, 60, 30, FieldType.INITIALS, "S" + i, null));
    }
    for (int i = 1; i <= 12; i++) {
      lines.add(new AuditLine(i, t.plusSeconds(i), "SIGNER_OPENED", "signer:" + i, "h" + i));
    }
    return new SealingInput(transactionId, "Master services agreement", "ab".repeat(32), evidence, fields, lines,
        "cd".repeat(32), "{\"transactionId\":\"" + transactionId + "\",\"events\":[]}", "http://localhost:8080/verify");
  }

  static Path write(Path dir, String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  static byte[] bytes(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  /** Seals without Spring or audit: the writer alone, as the benchmark uses it. */
  /** A verifier whose audit trail knows no transaction (every sealed test PDF is "not known"). */
  static SealVerifier verifierKnowingNoTrail() {
    AuditTrail audit = mock(AuditTrail.class);
    when(audit.export(anyString())).thenReturn(Optional.empty());
    return new SealVerifier(audit);
  }

  public static byte[] sealWithoutAudit(byte[] original, SealingInput input) throws IOException {
    try (SealedDocument sealed = new SealedPdfWriter(key(), null).write(new java.io.ByteArrayInputStream(original), input)) {
      return bytes(sealed);
    }
  }

  /** All bytes of a sealed document. */
  public static byte[] bytes(SealedDocument sealed) throws IOException {
    try (java.io.InputStream in = sealed.open()) {
      return in.readAllBytes();
    }
  }
}
