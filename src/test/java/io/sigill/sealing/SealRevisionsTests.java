package io.sigill.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which revisions a seal writes. A plain original gets one incremental update on top of its
 * unchanged bytes (stamps, certificate, trail and signature together), whatever its
 * cross-reference form and incremental history; anything unusual (here a damaged file, or the path
 * forced) takes the two-revision path. Both must satisfy the same independent checkers.
 */
class SealRevisionsTests {

  @TempDir Path dir;

  private final SealVerifier verifier = SealFixtures.verifierKnowingNoTrail();

  @Test
  void anOriginalWithCrossReferenceAndObjectStreamsIsSealedInOnePass() throws Exception {
    byte[] original = SealFixtures.plainPdf(3);
    assertThat(text(original)).contains("/ObjStm").contains("/XRef");
    assertOnePass(original, seal(original, 3, true), "xref-stream");
  }

  @Test
  void anOriginalWithAClassicCrossReferenceTableIsSealedInOnePass() throws Exception {
    byte[] original = resave(SealFixtures.plainPdf(3), CompressParameters.NO_COMPRESSION);
    String text = text(original);
    int startxref = text.lastIndexOf("startxref");
    long offset = Long.parseLong(text.substring(startxref + 9, text.indexOf("%%EOF", startxref)).strip());
    assertThat(text.substring((int) offset)).startsWith("xref");
    assertOnePass(original, seal(original, 3, true), "xref-table");
  }

  @Test
  void anOriginalEndingWithoutALineBreakOrWithTrailingJunkIsSealedInOnePass() throws Exception {
    byte[] original = SealFixtures.plainPdf(2);
    String text = text(original);
    byte[] bare = Arrays.copyOf(original, text.lastIndexOf("%%EOF") + 5);
    assertOnePass(bare, seal(bare, 2, true), "no-eol");
    byte[] junk = Arrays.copyOf(original, original.length + 3);
    assertOnePass(junk, seal(junk, 2, true), "trailing-zeros");
  }

  @Test
  void anOriginalWithFormFieldsAnnotationsAndRotatedPagesIsSealedInOnePass() throws Exception {
    byte[] original = SealFixtures.mixedPdf();
    byte[] sealed = seal(original, 5, true);
    assertOnePass(original, sealed, "mixed");
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      assertThat(doc.getDocumentCatalog().getAcroForm().getField("existingField")).isNotNull();
      assertThat(doc.getPage(0).getAnnotations()).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void sharedIndirectResourcesAndIndirectContentArraysAreUpdatedInOnePass() throws Exception {
    byte[] original;
    try (PDDocument doc = Loader.loadPDF(SealFixtures.plainPdf(3))) {
      // One indirect /Resources for all pages, and each page's /Contents an indirect array.
      COSDictionary shared = doc.getPage(0).getResources().getCOSObject();
      shared.setDirect(false);
      for (PDPage page : doc.getPages()) {
        page.getCOSObject().setItem(COSName.RESOURCES, shared);
        COSArray contents = new COSArray();
        contents.add(page.getCOSObject().getDictionaryObject(COSName.CONTENTS));
        contents.setDirect(false);
        page.getCOSObject().setItem(COSName.CONTENTS, new COSObject(contents));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      original = out.toByteArray();
    }
    assertThat(text(original)).containsPattern("/Contents \\d+ 0 R");
    byte[] sealed = seal(original, 3, true);
    assertOnePass(original, sealed, "shared");
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Page 3, clause 39").contains("2025-03-01 10:02 UTC");
    }
  }

  @Test
  void anOriginalThatIsItselfIncrementallyUpdatedKeepsItsRevisionsAndGetsOneMore() throws Exception {
    byte[] original;
    try (PDDocument doc = Loader.loadPDF(SealFixtures.mixedPdf())) {
      PDAnnotationText note = new PDAnnotationText();
      note.setRectangle(new PDRectangle(100, 100, 20, 20));
      note.setContents("Added in a later revision");
      PDPage page = doc.getPage(1);
      page.getAnnotations().add(note);
      page.getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      original = out.toByteArray();
    }
    assertThat(eofs(original)).isEqualTo(2);
    byte[] sealed = seal(original, 5, true);
    assertOnePass(original, sealed, "updated");
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      assertThat(doc.getPage(1).getAnnotations()).anyMatch(a -> "Added in a later revision".equals(a.getContents()));
    }
  }

  @Test
  void aDamagedOriginalIsRepairedThroughTheTwoRevisionPath() throws Exception {
    byte[] clean = resave(SealFixtures.plainPdf(2), CompressParameters.NO_COMPRESSION);
    // A comment after the header shifts every object: offsets in the cross-reference table are off.
    int header = text(clean).indexOf('\n') + 1;
    byte[] insert = "%shifted\n".getBytes(StandardCharsets.US_ASCII);
    byte[] damaged = new byte[clean.length + insert.length];
    System.arraycopy(clean, 0, damaged, 0, header);
    System.arraycopy(insert, 0, damaged, header, insert.length);
    System.arraycopy(clean, header, damaged, header + insert.length, clean.length - header);
    byte[] sealed = seal(damaged, 2, true);
    assertThat(startsWith(sealed, damaged)).isFalse();
    assertValid(sealed, "damaged");
  }

  @Test
  void theTwoRevisionPathStillSealsValidly() throws Exception {
    byte[] original = SealFixtures.mixedPdf();
    byte[] sealed = seal(original, 5, false);
    assertThat(startsWith(sealed, original)).isFalse();
    assertThat(eofs(sealed)).isEqualTo(2);
    assertValid(sealed, "two-pass");
  }

  @Test
  void signedOrEncryptedOriginalsAreNotUpdatedInOnePass() throws Exception {
    byte[] plain = SealFixtures.plainPdf(1);
    byte[] signed = seal(plain, 1, true);
    byte[] encrypted;
    try (PDDocument doc = Loader.loadPDF(plain)) {
      doc.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      encrypted = out.toByteArray();
    }
    assertThat(loadsForUpdate(plain)).isTrue();
    assertThat(loadsForUpdate(signed)).as("our certification must be the document's first signature").isFalse();
    assertThat(loadsForUpdate(encrypted)).isFalse();
    assertThat(loadsForUpdate("%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }

  private static boolean loadsForUpdate(byte[] pdf) throws Exception {
    try (SealSpool spool = new SealSpool("sigill-test-", SealSpool.DEFAULT_MEMORY_LIMIT, pdf.length)) {
      try (var out = spool.output()) {
        out.write(pdf);
      }
      try (PDDocument doc = SealedPdfWriter.loadForUpdate(spool)) {
        return doc != null;
      }
    }
  }

  private byte[] seal(byte[] original, int pages, boolean singlePass) throws Exception {
    SealedPdfWriter writer =
        new SealedPdfWriter(SealFixtures.key(), null, SealSpool.DEFAULT_MEMORY_LIMIT, singlePass);
    try (SealedDocument sealed = writer.write(new ByteArrayInputStream(original), SealFixtures.input("tx-rev", 2, pages))) {
      byte[] bytes = SealFixtures.bytes(sealed);
      assertThat(sealed.sha256()).isEqualTo(SealVerifier.sha256(bytes));
      return bytes;
    }
  }

  private void assertOnePass(byte[] original, byte[] sealed, String name) throws Exception {
    assertThat(startsWith(sealed, original)).as("the original's bytes come first, unchanged").isTrue();
    assertThat(eofs(sealed)).isEqualTo(eofs(original) + 1);
    assertValid(sealed, name);
  }

  private void assertValid(byte[] sealed, String name) throws Exception {
    Path file = SealFixtures.write(dir, name + ".pdf", sealed);
    SealTools.Run pdfsig = SealTools.pdfsig(file);
    assertThat(pdfsig.output()).contains("Signature is Valid").contains("Total document signed")
        .contains("ETSI.CAdES.detached");
    SealTools.Run qpdf = SealTools.qpdfCheck(file);
    assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
    assertThat(qpdf.output()).contains("No syntax or stream encoding errors");
    SealCheck check = verifier.check(sealed);
    assertThat(check.sealValid()).as(check.reasons().toString()).isTrue();
    assertThat(check.coversWholeDocument()).isTrue();
    assertThat(check.transactionId()).isEqualTo("tx-rev");
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Certificate of completion").contains("Signer Nº2 Ödegaard");
      var spec = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("audit-trail-tx-rev.json");
      assertThat(new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8)).contains("\"tx-rev\"");
      // The seal fonts are embedded as subsets (a tag before the name), not whole.
      PDResources resources = doc.getPage(doc.getNumberOfPages() - 1).getResources();
      int fonts = 0;
      for (COSName name2 : resources.getFontNames()) {
        PDFont font = resources.getFont(name2);
        assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
        fonts++;
      }
      assertThat(fonts).isPositive();
    }
  }

  private static byte[] resave(byte[] pdf, CompressParameters compression) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // Otherwise PDFBox keeps the source's cross-reference stream.
      doc.getDocument().setIsXRefStream(false);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, compression);
      return out.toByteArray();
    }
  }

  private static boolean startsWith(byte[] whole, byte[] prefix) {
    return whole.length >= prefix.length && Arrays.equals(whole, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static int eofs(byte[] pdf) {
    return text(pdf).split("%%EOF", -1).length - 1;
  }

  private static String text(byte[] pdf) {
    return new String(pdf, StandardCharsets.ISO_8859_1);
  }
}
