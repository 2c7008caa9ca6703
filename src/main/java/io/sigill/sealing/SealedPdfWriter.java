package io.sigill.sealing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Turns an original PDF into the sealed one in two revisions: first the stamped fields, the
 * certificate of completion and the attached trail (a full save, which also drops whatever
 * incremental history the upload had), then the seal itself as an incremental update, so the
 * signature's byte range covers the whole file. The intermediate PDFs stay in memory unless they
 * are large ({@link SealSpool}); only the sealed file is always written to disk.
 */
final class SealedPdfWriter {

  /** Document information key that carries the transaction id, read back by verification. */
  static final String TRANSACTION_KEY = "SigillTransactionId";
  private static final int SIGNATURE_SIZE = 16 * 1024;
  private static final int TIMESTAMPED_SIGNATURE_SIZE = 32 * 1024;

  /** First in-memory buffer for the upload, and room for the stamps and certificate beyond its size. */
  private static final int FIRST_BUFFER = 256 * 1024;

  private final SealKey key;
  private final TimeStampClient timeStamps;
  private final int memoryLimit;

  /** @param timeStamps null to seal without a time stamp (PAdES B-B) */
  SealedPdfWriter(SealKey key, TimeStampClient timeStamps) {
    this(key, timeStamps, SealSpool.DEFAULT_MEMORY_LIMIT);
  }

  /** @param memoryLimit intermediate PDFs larger than this go to temporary files instead of the heap */
  SealedPdfWriter(SealKey key, TimeStampClient timeStamps, int memoryLimit) {
    this.key = key;
    this.timeStamps = timeStamps;
    this.memoryLimit = memoryLimit;
  }

  SealedDocument write(InputStream original, SealingInput input) throws IOException {
    Instant sealedAt = Instant.now();
    Path sealed = Files.createTempFile("sigill-sealed-", ".pdf");
    boolean done = false;
    try (SealSpool source = new SealSpool("sigill-seal-in-", memoryLimit, FIRST_BUFFER)) {
      try (OutputStream out = source.output()) {
        original.transferTo(out);
      }
      try (SealSpool stamped = new SealSpool("sigill-seal-stamped-", memoryLimit, source.size() + FIRST_BUFFER)) {
        stamp(source, stamped, input, sealedAt);
        source.close();
        String sha256 = sign(stamped, sealed, input, sealedAt);
        SealedDocument result = new SealedDocument(sealed, sha256, Files.size(sealed), sealedAt, timeStamps != null);
        done = true;
        return result;
      }
    } finally {
      if (!done) {
        Files.deleteIfExists(sealed);
      }
    }
  }

  /** The first revision: stamps, certificate, trail, saved in full (dropping the upload's incremental history). */
  private static void stamp(SealSpool source, SealSpool stamped, SealingInput input, Instant sealedAt)
      throws IOException {
    // The fonts close after the document is saved: subsetting at save still reads them.
    try (PDDocument document = Loader.loadPDF(source.read()); SealFonts fonts = new SealFonts(document);
        OutputStream out = stamped.output()) {
      // The seal replaces any protection: a sealed document must open for everyone who verifies it.
      document.setAllSecurityToBeRemoved(true);
      new FieldStamper(document, fonts).stamp(input.fields());
      new CompletionCertificate(document, fonts).append(input, sealedAt);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setCustomMetadataValue(TRANSACTION_KEY, input.transactionId());
      info.setModificationDate(CompletionCertificate.calendar(sealedAt));
      document.save(out);
    }
  }

  /** The second revision: the seal as an incremental update; returns the sealed file's SHA-256, taken as it is written. */
  private String sign(SealSpool stamped, Path sealed, SealingInput input, Instant sealedAt) throws IOException {
    MessageDigest fileDigest = sha256();
    try (PDDocument document = Loader.loadPDF(stamped.read());
        SignatureOptions options = new SignatureOptions();
        OutputStream out = new DigestOutputStream(
            new BufferedOutputStream(Files.newOutputStream(sealed), 64 * 1024), fileDigest)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
      signature.setName(commonName(key.certificate().getSubjectX500Principal().getName()));
      signature.setReason("Sealed by Sigill, transaction " + input.transactionId());
      signature.setSignDate(CompletionCertificate.calendar(sealedAt));
      certifyNoChanges(document, signature);
      options.setPreferredSignatureSize(timeStamps == null ? SIGNATURE_SIZE : TIMESTAMPED_SIGNATURE_SIZE);
      document.addSignature(signature, options);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      external.setSignature(new PadesSignature(key, timeStamps).sign(external.getContent()));
    }
    return HexFormat.of().formatHex(fileDigest.digest());
  }

  /** DocMDP with P=1: a certification signature that allows no change at all after it. */
  static void certifyNoChanges(PDDocument document, PDSignature signature) {
    COSDictionary params = new COSDictionary();
    params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
    params.setInt(COSName.P, 1);
    params.setName(COSName.V, "1.2");
    params.setNeedToBeUpdated(true);
    COSDictionary reference = new COSDictionary();
    reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
    reference.setItem(COSName.getPDFName("TransformMethod"), COSName.getPDFName("DocMDP"));
    reference.setItem(COSName.getPDFName("TransformParams"), params);
    reference.setNeedToBeUpdated(true);
    COSArray references = new COSArray();
    references.add(reference);
    references.setNeedToBeUpdated(true);
    signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
    COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
    COSDictionary perms = new COSDictionary();
    perms.setItem(COSName.getPDFName("DocMDP"), signature);
    perms.setNeedToBeUpdated(true);
    catalog.setItem(COSName.getPDFName("Perms"), perms);
    catalog.setNeedToBeUpdated(true);
  }

  static String commonName(String subject) {
    X500Name name = new X500Name(subject);
    RDN[] cn = name.getRDNs(BCStyle.CN);
    return cn.length == 0 ? subject : IETFUtils.valueToString(cn[0].getFirst().getValue());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
