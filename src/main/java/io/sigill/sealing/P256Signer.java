package io.sigill.sealing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * SHA256withECDSA on P-256 with BouncyCastle's dedicated curve arithmetic: a fraction of a
 * millisecond a signature where the JDK 17 provider takes one to two. Nonces are deterministic
 * (RFC 6979), so a signature never depends on the quality of a random source. Only for a P-256
 * key whose private value is in memory; any other key signs through the JCA provider.
 */
final class P256Signer {

  private static final X9ECParameters P256 = CustomNamedCurves.getByName("P-256");
  private static final AlgorithmIdentifier ECDSA_WITH_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

  private final ECPrivateKeyParameters key;

  private P256Signer(ECPrivateKeyParameters key) {
    this.key = key;
  }

  /** A signer for this key, or null when it is not an in-memory P-256 key. */
  static P256Signer forKey(PrivateKey privateKey) {
    if (!(privateKey instanceof ECPrivateKey ec)) {
      return null;
    }
    BigInteger s;
    try {
      s = isP256(ec.getParams()) ? ec.getS() : null;
    } catch (RuntimeException e) {
      // A key kept in a token may refuse to show its value: it signs through its provider.
      return null;
    }
    if (s == null) {
      return null;
    }
    ECDomainParameters domain = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    return new P256Signer(new ECPrivateKeyParameters(s, domain));
  }

  private static boolean isP256(ECParameterSpec params) {
    if (params == null || !(params.getCurve().getField() instanceof ECFieldFp field)) {
      return false;
    }
    return field.getP().equals(P256.getCurve().getField().getCharacteristic())
        && params.getCurve().getA().equals(P256.getCurve().getA().toBigInteger())
        && params.getCurve().getB().equals(P256.getCurve().getB().toBigInteger())
        && params.getOrder().equals(P256.getN())
        && params.getGenerator().getAffineX().equals(P256.getG().getAffineXCoord().toBigInteger())
        && params.getGenerator().getAffineY().equals(P256.getG().getAffineYCoord().toBigInteger());
  }

  /** A content signer for one signature (it collects what it signs, so it is not shared). */
  ContentSigner contentSigner() {
    SHA256Digest digest = new SHA256Digest();
    return new ContentSigner() {
      @Override
      public AlgorithmIdentifier getAlgorithmIdentifier() {
        return ECDSA_WITH_SHA256;
      }

      @Override
      public OutputStream getOutputStream() {
        return new OutputStream() {
          @Override
          public void write(int b) {
            digest.update((byte) b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
          }
        };
      }

      @Override
      public byte[] getSignature() {
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        try {
          return StandardDSAEncoding.INSTANCE.encode(key.getParameters().getN(), rs[0], rs[1]);
        } catch (IOException e) {
          throw new RuntimeOperatorException("The seal signature could not be encoded", e);
        }
      }
    };
  }
}
