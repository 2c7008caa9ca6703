package io.sigill.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
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
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
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

  /** @param timeStamps null for B-B (no time-stamp authority configured) */
  PadesSignature(SealKey key, TimeStampClient timeStamps) {
    this.key = key;
    this.timeStamps = timeStamps;
  }

  byte[] sign(InputStream signedRanges) throws IOException {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo());
      generator.addCertificates(new JcaCertStore(key.chain()));
      CMSSignedData signed = generator.generate(streamed(signedRanges), false);
      if (timeStamps != null) {
        signed = withTimeStamp(signed);
      }
      return signed.getEncoded("DER");
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("The seal could not be signed: " + e.getClass().getSimpleName(), e);
    }
  }

  /** The signed byte ranges, digested as they stream by: a large PDF is never held in memory. */
  private static CMSTypedData streamed(InputStream in) {
    return new CMSTypedData() {
      @Override
      public ASN1ObjectIdentifier getContentType() {
        return CMSObjectIdentifiers.data;
      }

      @Override
      public void write(OutputStream out) throws IOException {
        in.transferTo(out);
      }

      @Override
      public Object getContent() {
        return in;
      }
    };
  }

  private SignerInfoGenerator signerInfo() throws GeneralSecurityException, OperatorCreationException {
    String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    Attribute signingCertificate = signingCertificateV2(key.certificate());
    CMSAttributeTableGenerator signedAttributes = parameters -> {
      @SuppressWarnings("unchecked")
      Map<Object, Object> params = parameters;
      AttributeTable table = new DefaultSignedAttributeTableGenerator(new AttributeTable(new DERSet(signingCertificate)))
          .getAttributes(params);
      // PAdES baseline forbids the CMS signing-time: the claimed time is /M in the signature dictionary.
      return table.remove(CMSAttributes.signingTime);
    };
    return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
        .setSignedAttributeGenerator(signedAttributes)
        .build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), key.certificate());
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
