package io.sigill.sealing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The seal's private key and its certificate chain (signing certificate first). */
record SealKey(PrivateKey privateKey, List<X509Certificate> chain) {

  SealKey {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("The seal key needs its certificate");
    }
  }

  X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    // Never the key: records print their components by default.
    return "SealKey[" + certificate().getSubjectX500Principal() + "]";
  }
}
