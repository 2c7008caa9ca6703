package io.sigill.sealing;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * What every signature with one seal key shares, whatever the document: the signature algorithm,
 * the ESS signing-certificate-v2 attribute, the chain for the CMS, the signer's certificate, the
 * P-256 signer, the name for the signature dictionary and the chain's encoded size. Made once per
 * {@link SealKey} and shared by seals running at once (none of it changes after it is made).
 */
final class SigningMaterial {

  final String algorithm;
  final Attribute signingCertificate;
  final JcaCertStore certificates;
  final X509CertificateHolder signer;
  /** Null for a key that signs through its JCA provider. */
  final P256Signer p256;
  /** The certificate subject's common name (or whole name), for the signature dictionary's /Name. */
  final String signerName;
  /** Bytes of the chain, DER encoded. */
  final int chainLength;

  private SigningMaterial(SealKey key) throws GeneralSecurityException {
    this.algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    this.p256 = P256Signer.forKey(key.privateKey());
    this.signingCertificate = PadesSignature.signingCertificateV2(key.certificate());
    this.certificates = new JcaCertStore(key.chain());
    this.signer = new JcaX509CertificateHolder(key.certificate());
    this.signerName = SealedPdfWriter.commonName(key.certificate().getSubjectX500Principal().getName());
    int length = 0;
    for (X509Certificate certificate : key.chain()) {
      length += certificate.getEncoded().length;
    }
    this.chainLength = length;
  }

  /** @throws IllegalStateException when the certificate cannot be used */
  static SigningMaterial of(SealKey key) {
    try {
      return new SigningMaterial(key);
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("The seal certificate cannot be encoded", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The seal certificate cannot be used: " + e.getClass().getSimpleName(), e);
    }
  }
}
