package io.sigill.sealing;

import io.sigill.sealing.SealingInput.AuditLine;
import io.sigill.sealing.SealingInput.SignerEvidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * The certificate of completion appended to the sealed PDF: the transaction, the original's hash,
 * each signer's evidence, the audit events and head hash, and where to verify. The audit trail JSON
 * rides along as an embedded file, so the PDF alone carries its evidence.
 */
final class CompletionCertificate {

  static final String AUDIT_FILE_PREFIX = "audit-trail-";
  private static final java.util.regex.Pattern UNSAFE_IN_FILE_NAME = java.util.regex.Pattern.compile("[^A-Za-z0-9._-]");
  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);
  private static final java.time.format.DateTimeFormatter PDF_DATE = java.time.format.DateTimeFormatter
      .ofPattern("'D:'yyyyMMddHHmmss'+00''00'''").withZone(java.time.ZoneOffset.UTC);
  private static final float MARGIN = 50;
  private static final float BODY = 9;
  private static final float LEADING = 12.5f;

  private final PDDocument document;
  private final SealFonts fonts;
  private PDPageContentStream out;
  private float y;
  private float width;

  CompletionCertificate(PDDocument document, SealFonts fonts) {
    this.document = document;
    this.fonts = fonts;
  }

  void append(SealingInput input, Instant sealedAt) throws IOException {
    try {
      newPage();
      heading("Certificate of completion", 16);
      line("Sealed by Sigill at " + TIME.format(sealedAt) + ".");
      gap();
      field("Transaction id", input.transactionId());
      field("Title", input.title());
      field("Original SHA-256", input.originalSha256());
      field("Verify at", input.verifyUrl() + " (upload this PDF; it was sealed with a digital signature)");
      gap();
      heading("Signers", 12);
      int n = 1;
      for (SignerEvidence s : input.signers()) {
        subheading(n++ + ". " + orDash(s.name()));
        field("Email", s.email());
        field("IP address", s.ip());
        field("User agent", s.userAgent());
        field("Authenticated by", s.authMethod());
        field("Sent", time(s.sentAt()));
        field("Viewed", time(s.viewedAt()));
        field("Signed", time(s.signedAt()));
        gap();
      }
      heading("Audit trail", 12);
      line("Events of transaction " + input.transactionId() + "; the full trail is attached as "
          + auditFileName(input.transactionId()) + ".");
      for (AuditLine a : input.auditLines()) {
        line("#" + a.seq() + "  " + time(a.occurredAt()) + "  " + orDash(a.type()) + "  " + orDash(a.actor()));
      }
      gap();
      field("Audit head hash", input.auditHeadHash());
      line("All times are UTC.");
    } finally {
      if (out != null) {
        out.close();
        out = null;
      }
    }
    attachAuditTrail(input, sealedAt);
  }

  static String auditFileName(String transactionId) {
    return AUDIT_FILE_PREFIX + UNSAFE_IN_FILE_NAME.matcher(transactionId).replaceAll("_") + ".json";
  }

  private void attachAuditTrail(SealingInput input, Instant sealedAt) throws IOException {
    byte[] json = input.auditJson().getBytes(StandardCharsets.UTF_8);
    PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(json));
    file.setSubtype("application/json");
    file.setSize(json.length);
    // setSize made the parameters dictionary.
    file.getCOSObject().getCOSDictionary(COSName.PARAMS).setString(COSName.CREATION_DATE, pdfDate(sealedAt));
    String name = auditFileName(input.transactionId());
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(name);
    spec.setFileUnicode(name);
    spec.setFileDescription("Sigill audit trail of transaction " + input.transactionId());
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);

    PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
    if (names == null) {
      names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      document.getDocumentCatalog().setNames(names);
    }
    PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
    if (tree == null) {
      tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of(name, spec));
      names.setEmbeddedFiles(tree);
    } else if (tree.getKids() == null || tree.getKids().isEmpty()) {
      // Keep files the original already carried next to ours.
      Map<String, PDComplexFileSpecification> existing =
          new java.util.TreeMap<>(tree.getNames() == null ? Map.of() : tree.getNames());
      existing.put(name, spec);
      tree.setNames(existing);
    } else {
      PDEmbeddedFilesNameTreeNode ours = new PDEmbeddedFilesNameTreeNode();
      ours.setNames(Map.of(name, spec));
      List<org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification>> kids =
          new ArrayList<>(tree.getKids());
      kids.add(ours);
      tree.setKids(kids);
    }
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    width = page.getMediaBox().getWidth() - 2 * MARGIN;
    y = page.getMediaBox().getHeight() - MARGIN;
    out = new PDPageContentStream(document, page);
  }

  private void heading(String text, float size) throws IOException {
    ensure(size + LEADING);
    write(fonts.sans(text), size, MARGIN, text);
    y -= size + 6;
  }

  private void subheading(String text) throws IOException {
    SubsetFont font = fonts.sans(text);
    for (String part : wrap(text, font, 10.5f, width)) {
      ensure(LEADING + 2);
      write(font, 10.5f, MARGIN, part);
      y -= LEADING + 2;
    }
  }

  private void field(String label, String value) throws IOException {
    float labelWidth = 120;
    String shown = orDash(value);
    SubsetFont font = fonts.sans(shown);
    List<String> parts = wrap(shown, font, BODY, width - labelWidth);
    for (int i = 0; i < parts.size(); i++) {
      ensure(LEADING);
      if (i == 0) {
        write(fonts.sans(label), BODY, MARGIN, label);
      }
      write(font, BODY, MARGIN + labelWidth, parts.get(i));
      y -= LEADING;
    }
  }

  private void line(String text) throws IOException {
    SubsetFont font = fonts.sans(text);
    for (String part : wrap(text, font, BODY, width)) {
      ensure(LEADING);
      write(font, BODY, MARGIN, part);
      y -= LEADING;
    }
  }

  private void gap() {
    y -= LEADING / 2;
  }

  private void ensure(float needed) throws IOException {
    if (y - needed < MARGIN) {
      newPage();
    }
  }

  private void write(SubsetFont font, float size, float x, String text) throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, y - size);
    out.showText(text);
    out.endText();
  }

  /** Breaks text into lines that fit, at spaces where possible, anywhere in a long hash or user agent. */
  static List<String> wrap(String text, SubsetFont font, float size, float maxWidth) {
    String printable = SealFonts.printableIn(font, text);
    float space = widthOf(" ", font, size);
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    // Widths add up glyph by glyph (no kerning, no substitution), so a line's width is kept as a sum.
    float currentWidth = 0;
    for (String word : printable.split(" ", -1)) {
      float wordWidth = widthOf(word, font, size);
      float candidateWidth = current.length() == 0 ? wordWidth : currentWidth + space + wordWidth;
      if (candidateWidth <= maxWidth) {
        if (current.length() > 0) {
          current.append(' ');
        }
        current.append(word);
        currentWidth = candidateWidth;
        continue;
      }
      if (current.length() > 0) {
        lines.add(current.toString());
        current.setLength(0);
      }
      String rest = word;
      float restWidth = wordWidth;
      while (restWidth > maxWidth && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && widthOf(rest.substring(0, cut), font, size) > maxWidth) {
          cut = Math.max(1, cut * 3 / 4);
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
        restWidth = widthOf(rest, font, size);
      }
      current.append(rest);
      currentWidth = restWidth;
    }
    if (current.length() > 0 || lines.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  private static float widthOf(String text, SubsetFont font, float size) {
    return SealFonts.stringWidth(font, text) / 1000 * size;
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  /**
   * The instant as a PDF date in UTC, "D:20250301100000+00'00'": what PDFBox's date setters write for
   * a UTC calendar, without their String.format and SimpleDateFormat for each date.
   */
  static String pdfDate(Instant instant) {
    return PDF_DATE.format(instant);
  }
}
