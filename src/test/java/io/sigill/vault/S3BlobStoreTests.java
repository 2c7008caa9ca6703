package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/** The s3 blob store against a real S3-compatible server (S3Mock, separate process, over HTTP). */
class S3BlobStoreTests {

  private static S3Client s3;
  private static S3BlobStore store;
  private static final String BUCKET = "vault-blob-tests";

  @BeforeAll
  static void start() {
    s3 = S3MockServer.shared().client();
    store = new S3BlobStore(s3, BUCKET);
  }

  @Test
  void createsAMissingBucketWithVersioningAndObjectLock() {
    assertThat(s3.getBucketVersioning(b -> b.bucket(BUCKET)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
    assertThat(s3.getObjectLockConfiguration(b -> b.bucket(BUCKET)).objectLockConfiguration().objectLockEnabled())
        .isEqualTo(ObjectLockEnabled.ENABLED);
    // A second start finds the bucket and leaves it as it is.
    new S3BlobStore(s3, BUCKET);
  }

  @Test
  void storesAndReturnsBytesRetryingFromAFreshStream() throws Exception {
    String key = UUID.randomUUID().toString();
    byte[] bytes = "ciphertext stand-in".getBytes();
    store.put(key, bytes.length, () -> new ByteArrayInputStream(bytes));
    try (InputStream in = store.get(key)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void deletingRemovesEveryVersionNotJustTheLatest() throws Exception {
    String key = UUID.randomUUID().toString();
    store.put(key, 2, () -> new ByteArrayInputStream(new byte[] {1, 1}));
    store.put(key, 2, () -> new ByteArrayInputStream(new byte[] {2, 2}));
    assertThat(s3.listObjectVersions(b -> b.bucket(BUCKET).prefix(key)).versions()).hasSize(2);

    store.deleteAllVersions(key);

    var left = s3.listObjectVersions(b -> b.bucket(BUCKET).prefix(key));
    assertThat(left.versions()).isEmpty();
    assertThat(left.deleteMarkers()).isEmpty();
    assertThatThrownBy(() -> store.get(key)).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void legalHoldAndRetentionAreMirroredToObjectLock() throws Exception {
    String key = UUID.randomUUID().toString();
    store.put(key, 1, () -> new ByteArrayInputStream(new byte[] {7}));
    Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    store.setLegalHold(key, true);
    store.setRetentionUntil(key, until);

    assertThat(s3.getObjectLegalHold(b -> b.bucket(BUCKET).key(key)).legalHold().status())
        .isEqualTo(ObjectLockLegalHoldStatus.ON);
    var retention = s3.getObjectRetention(b -> b.bucket(BUCKET).key(key)).retention();
    assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
    assertThat(retention.retainUntilDate()).isEqualTo(until);

    store.setLegalHold(key, false);
    assertThat(s3.getObjectLegalHold(b -> b.bucket(BUCKET).key(key)).legalHold().status())
        .isEqualTo(ObjectLockLegalHoldStatus.OFF);
  }
}
