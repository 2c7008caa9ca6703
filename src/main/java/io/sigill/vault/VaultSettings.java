package io.sigill.vault;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Vault settings ({@code sigill.vault.*}, each with an env var in application.yml). The embedded
 * default needs none: local keyring and local files under the data dir.
 *
 * @param maxUploadBytes the one upload limit; the servlet multipart limit is derived from it
 * @param maxInflatedBytes total bytes a PDF's compressed streams may inflate to (bomb guard)
 * @param verifyFirstMaxBytes documents up to this size are verified whole before the first byte
 *     is served (a failure is a clean error response); larger ones are verified segment by segment
 *     as they stream, in one decryption pass, and a failure aborts the response
 */
@ConfigurationProperties("sigill.vault")
public record VaultSettings(
    @DefaultValue("local") KeyProviderType keyProvider,
    @DefaultValue Kms kms,
    @DefaultValue("local") BlobStoreType blobStore,
    @DefaultValue S3 s3,
    @DefaultValue("26214400") long maxUploadBytes,
    @DefaultValue("500") int maxPages,
    @DefaultValue("268435456") long maxInflatedBytes,
    @DefaultValue("4194304") long verifyFirstMaxBytes) {

  /** Where data keys are wrapped. */
  public enum KeyProviderType { LOCAL, KMS }

  /** Where ciphertext is kept. */
  public enum BlobStoreType { LOCAL, S3 }

  /** AWS KMS; credentials come from the AWS default chain. Empty endpoint means AWS itself. */
  public record Kms(String keyId, String endpoint, @DefaultValue("us-east-1") String region) {}

  /** An S3-compatible bucket; empty access key means the AWS default credentials chain. */
  public record S3(
      String endpoint,
      @DefaultValue("us-east-1") String region,
      @DefaultValue("sigill-documents") String bucket,
      @DefaultValue("false") boolean pathStyle,
      String accessKey,
      String secretKey) {

    @Override
    public String toString() {
      // Never print the secret key with the settings.
      return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle + "]";
    }
  }
}
