package io.sigill.sealing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sealing configuration. With nothing set, a self-signed seal certificate is generated under the
 * data dir on first start (fine for trying Sigill, not for documents others must trust).
 *
 * @param keystore PKCS#12 keystore with the seal key and its certificate chain (production)
 * @param keystorePassword the keystore's password (also used for the key entry)
 * @param keyAlias the entry to use; empty means the keystore's only key entry
 * @param tsaUrl RFC 3161 time-stamp authority; when set, seals are PAdES B-T instead of B-B
 * @param verifyRequestsPerMinute public verifications allowed per client address and minute
 * @param maxVerifyBytes largest PDF the public verification accepts
 * @param inMemoryMaxBytes a document being sealed up to this size is worked on in memory (about
 *     three copies of it at once); a larger one goes through temporary files
 */
@ConfigurationProperties("sigill.sealing")
public record SealingSettings(
    String keystore,
    String keystorePassword,
    String keyAlias,
    String tsaUrl,
    @DefaultValue("20") int verifyRequestsPerMinute,
    @DefaultValue("26214400") long maxVerifyBytes,
    @DefaultValue("16777216") int inMemoryMaxBytes) {

  boolean hasKeystore() {
    return keystore != null && !keystore.isBlank();
  }

  boolean hasTsa() {
    return tsaUrl != null && !tsaUrl.isBlank();
  }

  @Override
  public String toString() {
    // The password must never reach a log line through a settings dump.
    return "SealingSettings[keystore=" + keystore + ", keyAlias=" + keyAlias + ", tsaUrl=" + tsaUrl
        + ", verifyRequestsPerMinute=" + verifyRequestsPerMinute + ", maxVerifyBytes=" + maxVerifyBytes
        + ", inMemoryMaxBytes=" + inMemoryMaxBytes + "]";
  }
}
