package io.sigill.vault;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Picks the key provider and blob store from {@link VaultSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultSettings.class)
class VaultConfig {

  // Room for the multipart envelope around the file itself.
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  @Bean
  KeyProvider keyProvider(VaultSettings settings, @Value("${sigill.data-dir}") Path dataDir) {
    return switch (settings.keyProvider()) {
      case LOCAL -> new LocalKeyring(dataDir.resolve("keys").resolve("keyring.properties"));
      case KMS -> {
        KmsClientBuilder builder = KmsClient.builder().region(Region.of(settings.kms().region()));
        if (hasText(settings.kms().endpoint())) {
          builder.endpointOverride(URI.create(settings.kms().endpoint()));
        }
        yield new KmsKeyProvider(builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build(),
            settings.kms().keyId());
      }
    };
  }

  @Bean
  BlobStore blobStore(VaultSettings settings, @Value("${sigill.data-dir}") Path dataDir) throws IOException {
    return switch (settings.blobStore()) {
      case LOCAL -> new LocalBlobStore(dataDir.resolve("vault").resolve("blobs"));
      case S3 -> new S3BlobStore(s3Client(settings.s3()), settings.s3().bucket());
    };
  }

  static S3Client s3Client(VaultSettings.S3 s3) {
    S3ClientBuilder builder =
        S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle());
    if (hasText(s3.endpoint())) {
      builder.endpointOverride(URI.create(s3.endpoint()));
    }
    if (hasText(s3.accessKey())) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }

  /**
   * The servlet's multipart limit follows the vault's, so there is one number to set
   * (SIGILL_MAX_UPLOAD_BYTES); the vault counts bytes again for callers that are not multipart.
   */
  @Bean
  MultipartConfigElement multipartConfigElement(VaultSettings settings) {
    long max = settings.maxUploadBytes();
    return new MultipartConfigElement(null, max, max + MULTIPART_OVERHEAD, 0);
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
