package io.sigill.sealing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdfparser.PDFParser;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an original PDF into the sealed one. Usually in one pass: the original is loaded once and
 * the stamped fields, the certificate of completion, the attached trail and the seal are written as
 * one incremental update after the original's unchanged bytes, so the signature's byte range covers
 * the whole file (original included) and nothing is saved or parsed twice.
 *
 * <p>An original that is anything but plain falls back to two revisions: first the stamps,
 * certificate and trail in a full save (which rewrites the file cleanly and drops whatever
 * incremental history and protection it had), then the seal as an incremental update on that. That
 * is: an original PDFBox parses only leniently (damaged cross-reference, offsets that needed
 * repair), an encrypted one, one with a hybrid cross-reference, one that already carries signatures
 * (our certification must be the first), or one whose one-pass update fails for any other reason.
 *
 * <p>The PDFs along the way and the result stay in memory unless they are large ({@link SealSpool}).
 */
final class SealedPdfWriter {

  private static final Logger log = LoggerFactory.getLogger(SealedPdfWriter.class);

  /** Document information key that carries the transaction id, read back by verification. */
  static final String TRANSACTION_KEY = "SigillTransactionId";
  /** Room in the CMS beyond the certificate chain: signature value, attributes, structure. */
  private static final int SIGNATURE_MARGIN = 4 * 1024;
  /** Smallest space reserved for the CMS without a time stamp. */
  private static final int MIN_SIGNATURE_SIZE = 4 * 1024;
  /** Further space for an RFC 3161 token, which carries the authority's own certificates. */
  private static final int TIME_STAMP_SIZE = 24 * 1024;

  /** First in-memory buffer for the upload, and room for the stamps and certificate beyond its size. */
  private static final int FIRST_BUFFER = 256 * 1024;

  private final SealKey key;
  private final TimeStampClient timeStamps;
  private final PadesSignature pades;
  private final int signatureSize;
  private final int memoryLimit;
  private final boolean singlePass;

  /** @param timeStamps null to seal without a time stamp (PAdES B-B) */
  SealedPdfWriter(SealKey key, TimeStampClient timeStamps) {
    this(key, timeStamps, SealSpool.DEFAULT_MEMORY_LIMIT);
  }

  /** @param memoryLimit PDFs (upload, stamped, sealed) larger than this go to temporary files instead of the heap */
  SealedPdfWriter(SealKey key, TimeStampClient timeStamps, int memoryLimit) {
    this(key, timeStamps, memoryLimit, true);
  }

  /** @param singlePass false to always take the two-revision path (for tests of it) */
  SealedPdfWriter(SealKey key, TimeStampClient timeStamps, int memoryLimit, boolean singlePass) {
    this.singlePass = singlePass;
    this.key = key;
    this.timeStamps = timeStamps;
    this.pades = new PadesSignature(key, timeStamps);
    this.signatureSize = signatureSize(key, timeStamps != null);
    this.memoryLimit = memoryLimit;
  }

  /** Bytes reserved for the CMS: the chain it carries plus a margin (the hex in the PDF takes twice as many). */
  static int signatureSize(SealKey key, boolean timestamped) {
    int size = Math.max(MIN_SIGNATURE_SIZE, key.signing().chainLength + SIGNATURE_MARGIN);
    return timestamped ? size + TIME_STAMP_SIZE : size;
  }

  SealedDocument write(InputStream original, SealingInput input) throws IOException {
    Instant sealedAt = Instant.now();
    try (SealSpool source = new SealSpool("sigill-seal-in-", memoryLimit, FIRST_BUFFER)) {
      try (OutputStream out = source.output()) {
        original.transferTo(out);
      }
      if (singlePass) {
        SealedDocument sealed = sealInOnePass(source, input, sealedAt);
        if (sealed != null) {
          return sealed;
        }
      }
      try (SealSpool stamped = new SealSpool("sigill-seal-stamped-", memoryLimit, source.size() + FIRST_BUFFER)) {
        stamp(source, stamped, input, sealedAt);
        source.close();
        SealSpool sealed = new SealSpool("sigill-sealed-", memoryLimit, stamped.size() + signatureSize * 2L + 8192);
        try {
          String sha256;
          try (PDDocument document = Loader.loadPDF(stamped.read())) {
            sha256 = sign(document, sealed, input, sealedAt);
          } catch (SigningFailed e) {
            throw e.getCause();
          }
          return new SealedDocument(sealed, sha256, sealed.size(), sealedAt, timeStamps != null);
        } catch (IOException | RuntimeException e) {
          sealed.close();
          throw e;
        }
      }
    }
  }

  /**
   * The one-pass seal: stamps, certificate, trail and signature as one incremental update after the
   * original's bytes. Null when the original is not plain enough for that (see the class comment),
   * or when the update failed: the caller then takes the two-revision path, from the original again.
   */
  private SealedDocument sealInOnePass(SealSpool source, SealingInput input, Instant sealedAt) throws IOException {
    PDDocument document = loadForUpdate(source);
    if (document == null) {
      return null;
    }
    SealSpool sealed = new SealSpool("sigill-sealed-", memoryLimit, source.size() + FIRST_BUFFER + signatureSize * 2L);
    try (document) {
      decorate(document, input, sealedAt);
      String sha256 = sign(document, sealed, input, sealedAt);
      return new SealedDocument(sealed, sha256, sealed.size(), sealedAt, timeStamps != null);
    } catch (IllegalArgumentException e) {
      // About the input (a field on a page the document does not have, an unusable drawing), not the PDF.
      sealed.close();
      throw e;
    } catch (SigningFailed e) {
      // The PDF was fine; signing or the time-stamp authority failed, which the other path would repeat.
      sealed.close();
      throw e.getCause();
    } catch (IOException | RuntimeException e) {
      sealed.close();
      // The exception's class only: PDFBox messages can quote the document.
      log.info("Transaction {}: the one-pass seal failed ({}), sealing in two revisions", input.transactionId(),
          e.getClass().getSimpleName());
      return null;
    }
  }

  /**
   * The original, parsed strictly, if a one-pass update can go on top of it; otherwise null. A
   * strict parse fails where PDFBox would have to repair the file, and an update after a repaired
   * file would point back into a cross-reference that readers cannot use.
   */
  static PDDocument loadForUpdate(SealSpool source) throws IOException {
    RandomAccessRead read = source.read();
    PDDocument document;
    try {
      document = new PDFParser(read, "", null, null, IOUtils.createMemoryOnlyStreamCache()).parse(false);
    } catch (IOException | RuntimeException e) {
      read.close();
      return null;
    }
    boolean plain;
    try {
      plain = !document.isEncrypted() && !document.getDocument().hasHybridXRef()
          && document.getSignatureDictionaries().isEmpty();
    } catch (RuntimeException e) {
      plain = false;
    }
    if (!plain) {
      document.close();
      return null;
    }
    return document;
  }

  /** The first revision: stamps, certificate, trail, saved in full (dropping the upload's incremental history). */
  private static void stamp(SealSpool source, SealSpool stamped, SealingInput input, Instant sealedAt)
      throws IOException {
    try (PDDocument document = Loader.loadPDF(source.read()); OutputStream out = stamped.output()) {
      // The seal replaces any protection: a sealed document must open for everyone who verifies it.
      document.setAllSecurityToBeRemoved(true);
      decorate(document, input, sealedAt);
      document.save(out);
    }
  }

  /** What the seal adds besides the signature: the stamped fields, the certificate with the trail, the transaction id. */
  private static void decorate(PDDocument document, SealingInput input, Instant sealedAt) throws IOException {
    // The fonts embed their subsets when the document is saved.
    SealFonts fonts = new SealFonts(document);
    new FieldStamper(document, fonts).stamp(input.fields());
    new CompletionCertificate(document, fonts).append(input, sealedAt);
    PDDocumentInformation info = document.getDocumentInformation();
    info.setCustomMetadataValue(TRANSACTION_KEY, input.transactionId());
    info.getCOSObject().setString(COSName.MOD_DATE, CompletionCertificate.pdfDate(sealedAt));
  }

  /**
   * The seal as an incremental update of the loaded document (with whatever else was changed in it).
   * Returns the sealed file's SHA-256. The
   * signed byte ranges and the whole file share everything before the signature's /Contents, so
   * that part is digested once: the file's digest continues from a copy of the ranges' digest.
   */
  private String sign(PDDocument document, SealSpool sealed, SealingInput input, Instant sealedAt) throws IOException {
    try (SignatureOptions options = new SignatureOptions();
        DigestFromOutputStream out = new DigestFromOutputStream(sealed.output())) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
      signature.setName(key.signing().signerName);
      signature.setReason("Sealed by Sigill, transaction " + input.transactionId());
      signature.getCOSObject().setString(COSName.M, CompletionCertificate.pdfDate(sealedAt));
      certifyNoChanges(document, signature);
      options.setPreferredSignatureSize(signatureSize);
      document.addSignature(signature, options);
      // Nothing is written to out until setSignature: PDFBox keeps the update until the CMS is in.
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      long contentsAt = signature.getByteRange()[1];
      MessageDigest ranges = sha256();
      MessageDigest file;
      try (InputStream content = external.getContent()) {
        digest(content, ranges, contentsAt);
        file = copyOrNull(ranges);
        digest(content, ranges, Long.MAX_VALUE);
      }
      if (file == null) {
        out.digestFrom(0, sha256());
      } else {
        out.digestFrom(contentsAt, file);
      }
      byte[] cms;
      try {
        cms = pades.sign(ranges.digest());
      } catch (IOException e) {
        throw new SigningFailed(e);
      }
      external.setSignature(cms);
      out.close();
      return HexFormat.of().formatHex(out.digest());
    }
  }

  /** Signing itself failed (key, time-stamp authority), not the PDF: carries the cause through to the caller. */
  private static final class SigningFailed extends IOException {

    private static final long serialVersionUID = 1L;

    SigningFailed(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  /** Feeds at most limit bytes of the stream to the digest; fails if the stream ends before a finite limit. */
  private static void digest(InputStream in, MessageDigest digest, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = limit;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        if (limit != Long.MAX_VALUE) {
          throw new IOException("The signed content ended before the signature's place");
        }
        return;
      }
      digest.update(buffer, 0, n);
      left -= n;
    }
  }

  private static MessageDigest copyOrNull(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      return null;
    }
  }

  /** Passes everything through and digests what is written from a given position on. */
  private static final class DigestFromOutputStream extends FilterOutputStream {

    private long position;
    private long from = Long.MAX_VALUE;
    private MessageDigest digest;
    private boolean closed;

    DigestFromOutputStream(OutputStream out) {
      super(out);
    }

    void digestFrom(long from, MessageDigest digest) {
      if (position > 0) {
        throw new IllegalStateException("Digesting must be set up before anything is written");
      }
      this.from = from;
      this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      long end = position + len;
      if (digest != null && end > from) {
        int skip = (int) Math.max(0, from - position);
        digest.update(b, off + skip, len - skip);
      }
      position = end;
    }

    byte[] digest() {
      if (digest == null) {
        throw new IllegalStateException("Nothing was digested");
      }
      return digest.digest();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        super.close();
      }
    }
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
