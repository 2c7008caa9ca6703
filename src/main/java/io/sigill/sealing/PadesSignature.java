package io.sigill.sealing;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Builds the CMS of a PAdES baseline signature: detached, SHA-256, with the ESS
 * signing-certificate-v2 attribute and without the CMS signing-time attribute (PAdES puts the time
 * in the signature dictionary's /M). With a time-stamp authority the signature value is stamped
 * (RFC 3161) and the token added as unsigned attribute: level B-T.
 */
final class PadesSignature {

  private final SealKey key;
  private final TimeStampClient timeStamps;
  private final SigningMaterial material;

  /**
   * One instance serves seals running at once; what they share with the key is prepared once per
   * key ({@link SealKey#signing()}).
   *
   * @param timeStamps null for B-B (no time-stamp authority configured)
   * @throws IllegalStateException when the seal certificate cannot be used
   */
  PadesSignature(SealKey key, TimeStampClient timeStamps) {
    this.key = key;
    this.timeStamps = timeStamps;
    this.material = key.signing();
  }

  /**
   * The CMS for the signed byte ranges, given as their SHA-256: the caller digests them as they
   * stream by, so a large PDF is never held in memory nor read twice.
   */
  byte[] sign(byte[] signedRangesSha256) throws IOException {
    if (signedRangesSha256.length != 32) {
      throw new IllegalArgumentException("Expected a SHA-256 digest");
    }
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo(signedRangesSha256));
      generator.addCertificates(material.certificates);
      // Detached: no content is written; the message digest attribute comes from the digest given.
      CMSSignedData signed = generator.generate(new CMSAbsentContent(), false);
      if (timeStamps != null) {
        signed = withTimeStamp(signed);
      }
      return signed.getEncoded("DER");
    } catch (OperatorCreationException | CMSException e) {
      throw new IOException("The seal could not be signed: " + e.getClass().getSimpleName(), e);
    }
  }

  private SignerInfoGenerator signerInfo(byte[] digest) throws OperatorCreationException {
    SigningMaterial m = material;
    return new SignerInfoGeneratorBuilder(precomputed(digest))
        .setSignedAttributeGenerator(this::signedAttributes)
        .build(m.p256 != null ? m.p256.contentSigner() : new JcaContentSignerBuilder(m.algorithm).build(key.privateKey()),
            m.signer);
  }

  /**
   * The signed attributes BouncyCastle's default generator makes (content type, message digest,
   * algorithm protection) and the signing certificate, without the CMS signing-time: PAdES baseline
   * forbids it (the claimed time is /M in the signature dictionary). Made here rather than by the
   * default generator and then removed, which formatted a time per seal only to drop it.
   */
  private AttributeTable signedAttributes(Map<?, ?> parameters) {
    Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
    attributes.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, material.signingCertificate);
    ASN1ObjectIdentifier contentType =
        ASN1ObjectIdentifier.getInstance(parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE));
    if (contentType != null) {
      attributes.put(CMSAttributes.contentType, new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
    }
    byte[] messageDigest = (byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST);
    attributes.put(CMSAttributes.messageDigest,
        new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(messageDigest))));
    attributes.put(CMSAttributes.cmsAlgorithmProtect, new Attribute(CMSAttributes.cmsAlgorithmProtect,
        new DERSet(new CMSAlgorithmProtection(
            (AlgorithmIdentifier) parameters.get(CMSAttributeTableGenerator.DIGEST_ALGORITHM_IDENTIFIER),
            CMSAlgorithmProtection.SIGNATURE,
            (AlgorithmIdentifier) parameters.get(CMSAttributeTableGenerator.SIGNATURE_ALGORITHM_IDENTIFIER)))));
    return new AttributeTable(attributes);
  }

  /** Hands BouncyCastle the SHA-256 the caller computed, in place of digesting content itself. */
  private static DigestCalculatorProvider precomputed(byte[] digest) {
    return algorithm -> {
      if (!NISTObjectIdentifiers.id_sha256.equals(algorithm.getAlgorithm())) {
        throw new OperatorCreationException("The seal digests with SHA-256 only, not " + algorithm.getAlgorithm());
      }
      return new DigestCalculator() {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
          return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
          return OutputStream.nullOutputStream();
        }

        @Override
        public byte[] getDigest() {
          return digest.clone();
        }
      };
    };
  }

  static Attribute signingCertificateV2(X509Certificate certificate) throws GeneralSecurityException {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      IssuerSerial issuerSerial = new IssuerSerial(
          new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
          certificate.getSerialNumber());
      ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
      return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    } catch (CertificateEncodingException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private CMSSignedData withTimeStamp(CMSSignedData signed) throws IOException {
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    TimeStampToken token = timeStamps.stamp(signer.getSignature());
    ASN1EncodableVector unsigned = new ASN1EncodableVector();
    unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
        new DERSet(ASN1Primitive.fromByteArray(token.getEncoded()))));
    SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
  }
}
