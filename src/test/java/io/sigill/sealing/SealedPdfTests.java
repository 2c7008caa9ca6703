package io.sigill.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sealed PDF itself, checked by independent tools (poppler's pdfsig, qpdf) and by rendering:
 * valid PAdES seal over the whole file, tamper evidence, stamps where the fields were shown.
 */
class SealedPdfTests {

  @TempDir Path dir;

  private final SealVerifier verifier = SealFixtures.verifierKnowingNoTrail();

  private byte[] seal(byte[] original, SealingInput input, TimeStampClient tsa) throws Exception {
    try (SealedDocument sealed = new SealedPdfWriter(SealFixtures.key(), tsa)
        .write(new ByteArrayInputStream(original), input)) {
      assertThat(sealed.sha256()).isEqualTo(SealVerifier.sha256(SealFixtures.bytes(sealed)));
      return SealFixtures.bytes(sealed);
    }
  }

  @Test
  void pdfsigAndQpdfAcceptTheSealAsValidAndCoveringTheWholeDocument() throws Exception {
    byte[] sealed = seal(SealFixtures.mixedPdf(), SealFixtures.input("tx-pdfsig", 3, 5), null);
    Path file = SealFixtures.write(dir, "sealed.pdf", sealed);

    SealTools.Run pdfsig = SealTools.pdfsig(file);
    assertThat(pdfsig.output())
        .contains("Signature Validation: Signature is Valid")
        .contains("Total document signed")
        .contains("ETSI.CAdES.detached");
    SealTools.Run qpdf = SealTools.qpdfCheck(file);
    assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
    assertThat(qpdf.output()).contains("No syntax or stream encoding errors");

    SealCheck check = verifier.check(sealed);
    assertThat(check.sealValid()).as(check.reasons().toString()).isTrue();
    assertThat(check.coversWholeDocument()).isTrue();
    assertThat(check.signedBy()).isEqualTo("Sigill test seal");
    assertThat(check.transactionId()).isEqualTo("tx-pdfsig");
    assertThat(check.timestamped()).isFalse();
    assertThat(check.knownToSigill()).isFalse();
  }

  @Test
  void oneChangedByteIsReportedByPdfsigAndByTheVerifier() throws Exception {
    byte[] sealed = seal(SealFixtures.plainPdf(2), SealFixtures.input("tx-tamper", 1, 2), null);
    // Change a byte inside the first stream's data (first revision): the file still parses, its digest differs.
    String text = new String(sealed, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("stream\n") + "stream\n".length() + 10;
    byte[] tampered = sealed.clone();
    tampered[at] = (byte) (tampered[at] ^ 0x01);
    Path file = SealFixtures.write(dir, "tampered.pdf", tampered);

    assertThat(SealTools.pdfsig(file).output()).doesNotContain("Signature is Valid").containsIgnoringCase("mismatch");
    SealCheck check = verifier.check(tampered);
    assertThat(check.sealValid()).isFalse();
    assertThat(check.reasons()).anyMatch(r -> r.contains("changed after it was sealed"));
  }

  @Test
  void aChangeInsideTheSignatureBytesOrAfterTheSealIsReported() throws Exception {
    byte[] sealed = seal(SealFixtures.plainPdf(1), SealFixtures.input("tx-gap", 1, 1), null);
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      int[] range = doc.getSignatureDictionaries().get(0).getByteRange();
      // The last hex digit of the reserved space (zero padding after the CMS).
      byte[] padding = sealed.clone();
      padding[range[2] - 2] = (byte) '1';
      assertThat(verifier.check(padding).sealValid()).isFalse();
      // A letter-case flip keeps the decoded value but is still a changed byte.
      byte[] caseFlip = sealed.clone();
      int letter = range[1] + 1;
      while (!Character.isLetter(caseFlip[letter])) {
        letter++;
      }
      caseFlip[letter] = (byte) Character.toLowerCase(caseFlip[letter]);
      assertThat(verifier.check(caseFlip).coversWholeDocument()).isFalse();
    }
    byte[] appended = new byte[sealed.length + 1];
    System.arraycopy(sealed, 0, appended, 0, sealed.length);
    appended[sealed.length] = '\n';
    SealCheck check = verifier.check(appended);
    assertThat(check.coversWholeDocument()).isFalse();
    assertThat(check.reasons()).anyMatch(r -> r.contains("does not cover the whole file"));
  }

  @Test
  void theSealIsPadesBaselineCertifyingNoChanges() throws Exception {
    byte[] sealed = seal(SealFixtures.plainPdf(1), SealFixtures.input("tx-pades", 1, 1), null);
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      PDSignature signature = doc.getSignatureDictionaries().get(0);
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      assertThat(signature.getSignDate()).isNotNull();
      var perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("Perms"));
      assertThat(perms.getCOSDictionary(COSName.getPDFName("DocMDP"))).isSameAs(signature.getCOSObject());
      var params = signature.getCOSObject().getCOSArray(COSName.getPDFName("Reference")).getObject(0);
      assertThat(((org.apache.pdfbox.cos.COSDictionary) params)
          .getCOSDictionary(COSName.getPDFName("TransformParams")).getInt(COSName.P)).isEqualTo(1);
      SignerInformation signer = new CMSSignedData(signature.getContents()).getSignerInfos().getSigners().iterator().next();
      assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
      assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
    }
    // Two revisions: the original, then stamps, certificate, trail and signature as one incremental update.
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1).split("%%EOF", -1)).hasSize(3);
  }

  @Test
  void withATimeStampAuthorityTheSealIsTimestampedOverRfc3161() throws Exception {
    try (LoopbackTsa tsa = new LoopbackTsa()) {
      byte[] sealed = seal(SealFixtures.plainPdf(1), SealFixtures.input("tx-bt", 1, 1), new TimeStampClient(tsa.url()));
      assertThat(tsa.requests.get()).isEqualTo(1);
      SealCheck check = verifier.check(sealed);
      assertThat(check.sealValid()).as(check.reasons().toString()).isTrue();
      assertThat(check.timestamped()).isTrue();
      assertThat(check.signedAt()).isNotNull();
      Path file = SealFixtures.write(dir, "bt.pdf", sealed);
      assertThat(SealTools.pdfsig(file).output()).contains("Signature is Valid").contains("Total document signed");
    }
  }

  @Test
  void stampsLandWhereTheFieldsWereShownOnRotatedAndMixedSizePages() throws Exception {
    byte[] png = SealFixtures.redPng();
    // One drawn signature near the displayed lower-left corner of each page (as the page shows it).
    List<SealingInput.FieldStamp> fields = List.of(
        new SealingInput.FieldStamp(1, 40, 60, 100, 50, SealingInput.FieldType.SIGNATURE, null, png),
        new SealingInput.FieldStamp(2, 40, 60, 100, 50, SealingInput.FieldType.SIGNATURE, null, png),
        new SealingInput.FieldStamp(3, 40, 60, 100, 50, SealingInput.FieldType.SIGNATURE, null, png),
        new SealingInput.FieldStamp(4, 40, 60, 100, 50, SealingInput.FieldType.SIGNATURE, null, png),
        new SealingInput.FieldStamp(5, 40, 60, 100, 50, SealingInput.FieldType.SIGNATURE, null, png),
        new SealingInput.FieldStamp(1, 300, 500, 30, 30, SealingInput.FieldType.CHECKBOX, "true", null),
        new SealingInput.FieldStamp(2, 300, 200, 200, 30, SealingInput.FieldType.TEXT, "Acme Ltd, Tallinn", null),
        new SealingInput.FieldStamp(3, 200, 300, 150, 40, SealingInput.FieldType.SIGNATURE, "Ann Example", null));
    SealingInput base = SealFixtures.input("tx-rotate", 1, 5);
    SealingInput input = new SealingInput(base.transactionId(), base.title(), base.originalSha256(), base.signers(),
        fields, base.auditLines(), base.auditHeadHash(), base.auditJson(), base.verifyUrl());
    byte[] sealed = seal(SealFixtures.mixedPdf(), input, null);

    try (PDDocument doc = Loader.loadPDF(sealed)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int p = 0; p < 5; p++) {
        BufferedImage image = renderer.renderImage(p, 1f);
        PDPage page = doc.getPage(p);
        PDRectangle crop = page.getCropBox();
        boolean quarter = page.getRotation() % 180 != 0;
        float shownHeight = quarter ? crop.getWidth() : crop.getHeight();
        assertThat(image.getHeight()).isEqualTo(Math.round(shownHeight));
        // The field's centre on the displayed page, in image pixels (y from the top).
        assertThat(isRed(image, 90, Math.round(shownHeight - 85))).as("stamp on page %d", p + 1).isTrue();
        // And not at the same place mirrored, where a wrong rotation would have put it.
        assertThat(isRed(image, image.getWidth() - 90, Math.round(85))).as("no stamp mirrored on page %d", p + 1)
            .isFalse();
      }
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Acme Ltd, Tallinn").contains("Ann Example").contains("Certificate of completion");
    }
  }

  @Test
  void theCertificateListsSignersAndTrailAndCarriesTheAuditJson() throws Exception {
    SealingInput input = SealFixtures.input("tx-cert", 3, 4);
    byte[] sealed = seal(SealFixtures.plainPdf(4), input, null);
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(4);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(5);
      String certificate = stripper.getText(doc);
      assertThat(certificate).contains("tx-cert").contains("Master services agreement").contains("ab".repeat(32))
          .contains("Signer Nº3 Ödegaard").contains("signer2@example.com").contains("192.0.2.2")
          .contains("email link + one-time code").contains("2025-03-01 10:02:02 UTC").contains("SIGNER_OPENED")
          .contains("cd".repeat(32)).contains("http://localhost:8080/verify");
      PDEmbeddedFilesNameTreeNode files = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
      var spec = files.getNames().get("audit-trail-tx-cert.json");
      assertThat(new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8)).contains("\"tx-cert\"");
      assertThat(doc.getDocumentInformation().getCustomMetadataValue("SigillTransactionId")).isEqualTo("tx-cert");
    }
  }

  @Test
  void anUnrelatedOrBrokenPdfIsNeitherValidNorKnown() {
    SealCheck plain = verifier.check(SealFixtures.plainPdf(1));
    assertThat(plain.sealValid()).isFalse();
    assertThat(plain.knownToSigill()).isFalse();
    assertThat(plain.reasons()).contains("The PDF carries no digital signature.");
    SealCheck junk = verifier.check("not a pdf".getBytes(StandardCharsets.US_ASCII));
    assertThat(junk.sealValid()).isFalse();
    assertThat(junk.reasons()).contains("The file is not a readable PDF.");
  }

  private static boolean isRed(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60;
  }
}
