package io.sigill.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a seal is made rather than what it contains: intermediate PDFs in memory or in temporary
 * files, seal keys of both kinds, and seals running at once sharing what is learned of the fonts.
 */
class SealMechanicsTests {

  @TempDir Path dir;

  private final SealVerifier verifier = SealFixtures.verifierKnowingNoTrail();

  private byte[] seal(SealedPdfWriter writer, byte[] original, SealingInput input) throws Exception {
    try (SealedDocument sealed = writer.write(new ByteArrayInputStream(original), input)) {
      byte[] bytes = SealFixtures.bytes(sealed);
      assertThat(sealed.sha256()).isEqualTo(SealVerifier.sha256(bytes));
      assertThat(sealed.sizeBytes()).isEqualTo(bytes.length);
      return bytes;
    }
  }

  private void assertValidByPdfsigAndVerifier(byte[] sealed, String name) throws Exception {
    SealTools.Run pdfsig = SealTools.pdfsig(SealFixtures.write(dir, name, sealed));
    assertThat(pdfsig.output()).contains("Signature is Valid").contains("Total document signed");
    SealCheck check = verifier.check(sealed);
    assertThat(check.sealValid()).as(check.reasons().toString()).isTrue();
    assertThat(check.coversWholeDocument()).isTrue();
  }

  @Test
  void aSpoolKeepsSmallContentInMemoryAndMovesLargeContentToATemporaryFileItDeletes() throws Exception {
    byte[] small = "%PDF-small".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (SealSpool spool = new SealSpool("sigill-spool-test-", 64, 16)) {
      try (OutputStream out = spool.output()) {
        out.write(small);
      }
      assertThat(spool.onDisk()).isFalse();
      assertThat(readAll(spool)).isEqualTo(small);
    }

    byte[] large = new byte[100_000];
    new java.util.Random(7).nextBytes(large);
    Path file;
    try (SealSpool spool = new SealSpool("sigill-spool-test-", 4096, 16)) {
      try (OutputStream out = spool.output()) {
        out.write(large, 0, 1000);
        out.write(large[1000]);
        out.write(large, 1001, large.length - 1001);
      }
      assertThat(spool.onDisk()).isTrue();
      assertThat(spool.size()).isEqualTo(large.length);
      assertThat(readAll(spool)).isEqualTo(large);
      file = spool.file();
      assertThat(file).exists();
      assertThatThrownBy(() -> spool.output().write(1)).isInstanceOf(IOException.class);
    }
    assertThat(file).doesNotExist();
  }

  private static byte[] readAll(SealSpool spool) throws IOException {
    try (RandomAccessRead in = spool.read()) {
      byte[] content = new byte[(int) in.length()];
      int read = 0;
      while (read < content.length) {
        read += in.read(content, read, content.length - read);
      }
      return content;
    }
  }

  @Test
  void aDocumentLargerThanTheMemoryLimitIsSealedThroughTemporaryFiles() throws Exception {
    byte[] original = SealFixtures.scannedPdf(3);
    assertThat(original.length).isGreaterThan(64 * 1024);
    byte[] sealed = seal(new SealedPdfWriter(SealFixtures.key(), null, 64 * 1024), original,
        SealFixtures.input("tx-large", 2, 3));
    assertValidByPdfsigAndVerifier(sealed, "large.pdf");
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(3);
    }
  }

  @Test
  void aGeneratedSealKeyIsP256AndTheSameAfterARestart() throws Exception {
    SealKey first = SealKeys.generatedUnder(dir.resolve("sealing"));
    SealKey again = SealKeys.generatedUnder(dir.resolve("sealing"));
    assertThat(first.privateKey().getAlgorithm()).isEqualTo("EC");
    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(first.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
  }

  @Test
  void anRsaKeyFromAKeystoreStillSealsValidly() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(3072);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Keystore RSA seal,O=Sigill tests");
    Instant now = Instant.now();
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
        name, BigInteger.valueOf(42), Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
        name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    char[] password = "test-only".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("seal", pair.getPrivate(), password, new Certificate[] {certificate});
    Path keystore = dir.resolve("seal.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, password);
    }
    SealKey key = SealKeys.load(keystore, password, "");
    assertThat(key.privateKey().getAlgorithm()).isEqualTo("RSA");

    byte[] sealed = seal(new SealedPdfWriter(key, null), SealFixtures.plainPdf(2), SealFixtures.input("tx-rsa", 1, 2));
    assertValidByPdfsigAndVerifier(sealed, "rsa.pdf");
    assertThat(verifier.check(sealed).signedBy()).isEqualTo("Keystore RSA seal");
  }

  @Test
  void sealsRunningAtOnceEachGetACompleteValidDocument() throws Exception {
    SealedPdfWriter writer = new SealedPdfWriter(SealFixtures.key(), null);
    byte[] original = SealFixtures.plainPdf(3);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<byte[]>> seals = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String id = "tx-parallel-" + i;
        seals.add(() -> seal(writer, original, SealFixtures.input(id, 2, 3)));
      }
      List<Future<byte[]>> results = pool.invokeAll(seals);
      for (int i = 0; i < results.size(); i++) {
        byte[] sealed = results.get(i).get();
        SealCheck check = verifier.check(sealed);
        assertThat(check.sealValid()).as(check.reasons().toString()).isTrue();
        assertThat(check.transactionId()).isEqualTo("tx-parallel-" + i);
        try (PDDocument doc = Loader.loadPDF(sealed)) {
          assertThat(new PDFTextStripper().getText(doc)).contains("Certificate of completion")
              .contains("Signer Nº2 Ödegaard").contains("tx-parallel-" + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDrawingOnSeveralFieldsIsEmbeddedOnceAndKeepsItsTransparency() throws Exception {
    // Transparent 60x30 drawing with a red bar in its middle third.
    BufferedImage drawing = new BufferedImage(60, 30, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = drawing.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(20, 0, 20, 30);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(drawing, "png", png);
    List<SealingInput.FieldStamp> fields = List.of(
        new SealingInput.FieldStamp(1, 100, 100, 120, 60, SealingInput.FieldType.SIGNATURE, null, png.toByteArray()),
        new SealingInput.FieldStamp(1, 100, 300, 120, 60, SealingInput.FieldType.INITIALS, null, png.toByteArray()));
    SealingInput base = SealFixtures.input("tx-drawing", 1, 1);
    SealingInput input = new SealingInput(base.transactionId(), base.title(), base.originalSha256(), base.signers(),
        fields, base.auditLines(), base.auditHeadHash(), base.auditJson(), base.verifyUrl());
    byte[] sealed = seal(new SealedPdfWriter(SealFixtures.key(), null), SealFixtures.plainPdf(1), input);

    try (PDDocument doc = Loader.loadPDF(sealed)) {
      PDPage page = doc.getPage(0);
      Set<COSBase> images = new HashSet<>();
      for (COSName name : page.getResources().getXObjectNames()) {
        if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
          images.add(image.getCOSObject());
          assertThat(image.getCOSObject().getCOSStream(COSName.SMASK)).isNotNull();
        }
      }
      assertThat(images).hasSize(1);
      BufferedImage rendered = new PDFRenderer(doc).renderImage(0, 1f);
      int top = rendered.getHeight();
      for (int fieldY : new int[] {100, 300}) {
        // Centre of the field: the red bar. Near its left edge: transparent, so the white page shows.
        int y = top - (fieldY + 30);
        assertThat(new Color(rendered.getRGB(160, y)).getRed()).isGreaterThan(200);
        assertThat(new Color(rendered.getRGB(160, y)).getGreen()).isLessThan(60);
        assertThat(new Color(rendered.getRGB(105, y)).getGreen()).isGreaterThan(200);
      }
    }
  }

  @Test
  void anOversizedDrawingIsRefusedBeforeItsPixelsAreDecoded() throws Exception {
    BufferedImage huge = new BufferedImage(4000, 1001, BufferedImage.TYPE_BYTE_GRAY);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(huge, "png", png);
    assertThatThrownBy(() -> StampImages.decode(png.toByteArray())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("usable size");
    assertThatThrownBy(() -> StampImages.decode("not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textOutsideTheCommonScriptsIsSetInTheWholeSansFont() throws Exception {
    SealingInput base = SealFixtures.input("tx-scripts", 1, 1);
    SealingInput.SignerEvidence latin = base.signers().get(0);
    List<SealingInput.SignerEvidence> signers = List.of(
        new SealingInput.SignerEvidence("Արամ Պետրոսյան", latin.email(), latin.ip(), latin.userAgent(), latin.authMethod(),
            latin.sentAt(), latin.viewedAt(), latin.signedAt()),
        new SealingInput.SignerEvidence("Ζωή Παπαδοπούλου", "zoe@example.com", latin.ip(), latin.userAgent(),
            latin.authMethod(), latin.sentAt(), latin.viewedAt(), latin.signedAt()));
    List<SealingInput.FieldStamp> fields = List.of(
        new SealingInput.FieldStamp(1, 72, 400, 200, 30, SealingInput.FieldType.TEXT, "გიორგი", null),
        new SealingInput.FieldStamp(1, 72, 300, 200, 30, SealingInput.FieldType.TEXT, "Jürgen", null));
    SealingInput input = new SealingInput(base.transactionId(), base.title(), base.originalSha256(), signers, fields,
        base.auditLines(), base.auditHeadHash(), base.auditJson(), base.verifyUrl());
    byte[] sealed = seal(new SealedPdfWriter(SealFixtures.key(), null), SealFixtures.plainPdf(1), input);
    assertValidByPdfsigAndVerifier(sealed, "scripts.pdf");

    try (PDDocument doc = Loader.loadPDF(sealed)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Արամ Պետրոսյան").contains("Ζωή Παπαδοπούλου").contains("გიორგი").contains("Jürgen");
      // Two subsets of DejaVu Sans in the document: the cut and the whole font.
      Set<String> fonts = new HashSet<>();
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name).getName());
        }
      }
      assertThat(fonts.stream().filter(f -> f.contains("DejaVuSans"))).hasSize(2);
    }
  }

  @Test
  void charactersNoSealFontHasAreLeftOutInsteadOfFailingTheSeal() throws Exception {
    // Devanagari and Thai are not in DejaVu Sans; their code points are below its glyph count.
    SealingInput base = SealFixtures.input("tx-missing", 1, 1);
    SealingInput.SignerEvidence s = base.signers().get(0);
    List<SealingInput.SignerEvidence> signers = List.of(new SealingInput.SignerEvidence("Anil देवनागरी Somchai สมชาย",
        s.email(), s.ip(), s.userAgent(), s.authMethod(), s.sentAt(), s.viewedAt(), s.signedAt()));
    List<SealingInput.FieldStamp> fields = List.of(
        new SealingInput.FieldStamp(1, 72, 400, 200, 30, SealingInput.FieldType.TEXT, "Anil देवनागरी", null),
        new SealingInput.FieldStamp(1, 72, 300, 200, 30, SealingInput.FieldType.SIGNATURE, "สมชาย Somchai", null));
    SealingInput input = new SealingInput(base.transactionId(), base.title(), base.originalSha256(), signers, fields,
        base.auditLines(), base.auditHeadHash(), base.auditJson(), base.verifyUrl());
    byte[] sealed = seal(new SealedPdfWriter(SealFixtures.key(), null), SealFixtures.plainPdf(1), input);
    assertValidByPdfsigAndVerifier(sealed, "missing.pdf");
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Anil").contains("Somchai");
    }
  }

  @Test
  void p256SignaturesVerifyWithTheJdkAndOtherEcKeysSignThroughTheirProvider() throws Exception {
    SealKey key = SealFixtures.key();
    P256Signer signer = P256Signer.forKey(key.privateKey());
    assertThat(signer).isNotNull();
    byte[] data = "signed attributes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < 3; i++) {
      org.bouncycastle.operator.ContentSigner content = signer.contentSigner();
      content.getOutputStream().write(data);
      java.security.Signature verify = java.security.Signature.getInstance("SHA256withECDSA");
      verify.initVerify(key.certificate().getPublicKey());
      verify.update(data);
      assertThat(verify.verify(content.getSignature())).isTrue();
    }

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
    KeyPair pair = generator.generateKeyPair();
    assertThat(P256Signer.forKey(pair.getPrivate())).isNull();
    X500Name name = new X500Name("CN=Keystore P-384 seal,O=Sigill tests");
    Instant now = Instant.now();
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
        name, BigInteger.valueOf(384), Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
        name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA384withECDSA").build(pair.getPrivate())));
    SealKey p384 = new SealKey(pair.getPrivate(), List.of(certificate));
    byte[] sealed = seal(new SealedPdfWriter(p384, null), SealFixtures.plainPdf(1), SealFixtures.input("tx-p384", 1, 1));
    assertValidByPdfsigAndVerifier(sealed, "p384.pdf");
  }
}
