package io.sigill.sealing;

import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.audit.TrailExport;
import io.sigill.audit.Verification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded PDF without trusting anything in it: the seal's signature over its byte
 * range, that the byte range and the signature's own bytes account for every byte of the file, the
 * time stamp, and whether this instance's audit trail recorded exactly this file as sealed.
 */
@Component
class SealVerifier {

  private static final int MAX_TRANSACTION_ID = 100;

  private final AuditTrail audit;

  SealVerifier(AuditTrail audit) {
    this.audit = audit;
  }

  SealCheck check(byte[] pdf) {
    List<String> reasons = new ArrayList<>();
    Result r = new Result();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      r.transactionId = transactionId(document);
      List<PDSignature> signatures = document.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        reasons.add("The PDF carries no digital signature.");
      } else {
        checkSeal(pdf, signatures.get(signatures.size() - 1), r, reasons);
      }
    } catch (IOException | RuntimeException e) {
      // Hostile or broken input: whatever the parser tripped on, the answer is "not a readable PDF".
      reasons.add("The file is not a readable PDF.");
    }
    checkKnown(pdf, r, reasons);
    return new SealCheck(r.sealValid, r.covers, r.signedBy, r.signedAt, r.timestamped, r.transactionId, r.known,
        r.chainValid, reasons);
  }

  private static final class Result {
    boolean sealValid;
    boolean covers;
    String signedBy;
    Instant signedAt;
    boolean timestamped;
    String transactionId;
    boolean known;
    Boolean chainValid;
  }

  private static String transactionId(PDDocument document) {
    String id = document.getDocumentInformation().getCustomMetadataValue(SealedPdfWriter.TRANSACTION_KEY);
    return id == null || id.isBlank() || id.length() > MAX_TRANSACTION_ID ? null : id;
  }

  private static void checkSeal(byte[] pdf, PDSignature signature, Result r, List<String> reasons) throws IOException {
    int[] range = signature.getByteRange();
    byte[] contents = signature.getContents();
    if (!"ETSI.CAdES.detached".equals(signature.getSubFilter())) {
      reasons.add("The signature is not a PAdES seal (SubFilter " + signature.getSubFilter() + ").");
    }
    if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
        || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
      reasons.add("The signature's byte range is malformed.");
      return;
    }
    r.covers = (long) range[2] + range[3] == pdf.length && gapHoldsExactly(pdf, range, contents);
    if (!r.covers) {
      reasons.add("The seal does not cover the whole file: bytes were added or changed outside what was signed.");
    }
    byte[] signedBytes = new byte[range[1] + range[3]];
    System.arraycopy(pdf, 0, signedBytes, 0, range[1]);
    System.arraycopy(pdf, range[2], signedBytes, range[1], range[3]);
    try {
      int before = reasons.size();
      byte[] der = withoutPadding(contents, reasons);
      boolean paddingClean = reasons.size() == before;
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes), der);
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        reasons.add("The seal holds " + signers.size() + " signers instead of one.");
        return;
      }
      SignerInformation signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
      if (matches.isEmpty()) {
        reasons.add("The seal does not carry its signing certificate.");
        return;
      }
      X509CertificateHolder certificate = matches.iterator().next();
      r.signedBy = SealedPdfWriter.commonName(certificate.getSubject().toString());
      r.signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
      boolean intact = verifies(signer, certificate, reasons);
      boolean pades = padesAttributes(signer, certificate, reasons);
      r.sealValid = intact && pades && paddingClean;
      checkTimeStamp(signer, r, reasons);
    } catch (CMSException | IOException | RuntimeException e) {
      reasons.add("The seal's signature cannot be read.");
    }
  }

  /** Between the two ranges must stand exactly the /Contents hex string, in one letter case. */
  private static boolean gapHoldsExactly(byte[] pdf, int[] range, byte[] contents) {
    int from = range[1];
    int to = range[2];
    if (pdf[from] != '<' || pdf[to - 1] != '>' || (to - from - 2) != contents.length * 2) {
      return false;
    }
    String hex = new String(pdf, from + 1, to - from - 2, StandardCharsets.ISO_8859_1);
    String expected = HexFormat.of().formatHex(contents);
    return hex.equals(expected) || hex.equals(expected.toUpperCase(java.util.Locale.ROOT));
  }

  /** The reserved space after the CMS must be zeros; anything else there was written after sealing. */
  private static byte[] withoutPadding(byte[] contents, List<String> reasons) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(contents);
    try (ASN1InputStream asn1 = new ASN1InputStream(in)) {
      asn1.readObject();
    }
    int end = contents.length - in.available();
    for (int i = end; i < contents.length; i++) {
      if (contents[i] != 0) {
        reasons.add("The seal's signature field holds data after the signature.");
        break;
      }
    }
    return Arrays.copyOf(contents, end);
  }

  private static boolean verifies(SignerInformation signer, X509CertificateHolder certificate, List<String> reasons) {
    try {
      if (signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
        return true;
      }
      reasons.add("The seal's signature does not match its certificate.");
    } catch (CMSException e) {
      // BouncyCastle reports a digest mismatch as an exception: the signed bytes were changed.
      reasons.add("The document was changed after it was sealed: its bytes no longer match the seal's digest.");
    } catch (OperatorCreationException | java.security.cert.CertificateException e) {
      reasons.add("The seal's certificate cannot be used to check it.");
    }
    return false;
  }

  private static boolean padesAttributes(SignerInformation signer, X509CertificateHolder certificate,
      List<String> reasons) throws IOException {
    AttributeTable signed = signer.getSignedAttributes();
    Attribute v2 = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (v2 == null) {
      reasons.add("The seal's signed attributes lack the signing certificate reference (PAdES).");
      return false;
    }
    ESSCertIDv2[] ids = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      if (ids.length == 0 || !MessageDigest.isEqual(hash, ids[0].getCertHash())) {
        reasons.add("The seal's signing certificate reference names another certificate.");
        return false;
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return true;
  }

  private static void checkTimeStamp(SignerInformation signer, Result r, List<String> reasons) {
    AttributeTable unsigned = signer.getUnsignedAttributes();
    Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (attribute == null) {
      return;
    }
    try {
      TimeStampToken token = new TimeStampToken(
          new CMSSignedData(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches(token.getSID());
      if (tsa.isEmpty()) {
        reasons.add("The time stamp does not carry its authority's certificate.");
        return;
      }
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.iterator().next()));
      String algorithm = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
      byte[] expected = MessageDigest.getInstance(algorithm).digest(signer.getSignature());
      if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
        reasons.add("The time stamp was issued for another signature.");
        return;
      }
      r.timestamped = true;
      r.signedAt = token.getTimeStampInfo().getGenTime().toInstant();
    } catch (IOException | CMSException | TSPException | OperatorCreationException
        | java.security.cert.CertificateException | NoSuchAlgorithmException | RuntimeException e) {
      reasons.add("The time stamp is not valid.");
    }
  }

  private void checkKnown(byte[] pdf, Result r, List<String> reasons) {
    if (r.transactionId == null) {
      reasons.add("The PDF names no Sigill transaction: it is not known to this Sigill.");
      return;
    }
    Optional<TrailExport> trail = audit.export(r.transactionId);
    if (trail.isEmpty()) {
      reasons.add("This Sigill has no transaction " + r.transactionId + ".");
      return;
    }
    String sha256 = sha256(pdf);
    r.known = trail.get().events().stream()
        .anyMatch(e -> AuditEventType.DOCUMENT_SEALED.name().equals(e.type())
            && sha256.equals(e.payload().get("sealedSha256")));
    if (!r.known) {
      reasons.add("Transaction " + r.transactionId + " exists, but this exact file is not the one Sigill sealed for it.");
      return;
    }
    Verification chain = audit.verify(r.transactionId).orElse(null);
    r.chainValid = chain != null && chain.valid();
    if (!r.chainValid) {
      reasons.add("The audit trail of transaction " + r.transactionId + " does not verify.");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
