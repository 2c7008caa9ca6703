package io.sigill.sealing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The seal's private key and its certificate chain (signing certificate first), with what every
 * signature made with them shares ({@link SigningMaterial}), prepared on first use and kept as long
 * as the key: a seal would otherwise redo it for each document.
 */
final class SealKey {

  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private volatile SigningMaterial signing;

  SealKey(PrivateKey privateKey, List<X509Certificate> chain) {
    this.chain = List.copyOf(chain);
    if (this.chain.isEmpty()) {
      throw new IllegalArgumentException("The seal key needs its certificate");
    }
    this.privateKey = privateKey;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  List<X509Certificate> chain() {
    return chain;
  }

  X509Certificate certificate() {
    return chain.get(0);
  }

  /** @throws IllegalStateException when the certificate cannot be used for signing */
  SigningMaterial signing() {
    SigningMaterial prepared = signing;
    if (prepared == null) {
      synchronized (this) {
        if (signing == null) {
          signing = SigningMaterial.of(this);
        }
        prepared = signing;
      }
    }
    return prepared;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealKey key && privateKey.equals(key.privateKey) && chain.equals(key.chain);
  }

  @Override
  public int hashCode() {
    return Objects.hash(privateKey, chain);
  }

  @Override
  public String toString() {
    // Never the key itself.
    return "SealKey[" + certificate().getSubjectX500Principal() + "]";
  }
}
