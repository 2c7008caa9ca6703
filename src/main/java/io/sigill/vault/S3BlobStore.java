package io.sigill.vault;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The {@code s3} blob store (AWS S3, MinIO, any S3-compatible server). The bucket is created with
 * versioning and Object Lock when missing. Retention uses GOVERNANCE mode: it blocks deletion by
 * ordinary credentials yet lets an operator with the bypass permission correct a wrong date,
 * which COMPLIANCE mode would make impossible for years.
 */
final class S3BlobStore implements BlobStore {

  private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

  private final S3Client s3;
  private final String bucket;

  S3BlobStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
    ensureBucket();
  }

  private void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return;
    } catch (NoSuchBucketException e) {
      log.info("Creating bucket {} with versioning and Object Lock", bucket);
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      log.info("Creating bucket {} with versioning and Object Lock", bucket);
    }
    s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
    // Object Lock implies versioning on AWS; stated explicitly for servers that do not infer it.
    s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
  }

  @Override
  public void put(String key, long length, Supplier<InputStream> content) {
    s3.putObject(
        b -> b.bucket(bucket).key(key).contentLength(length).contentType("application/octet-stream"),
        RequestBody.fromContentProvider(content::get, length, "application/octet-stream"));
  }

  @Override
  public InputStream get(String key) throws IOException {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new FileNotFoundException("No stored object " + key);
    }
  }

  @Override
  public void deleteAllVersions(String key) {
    // Deleting only the key would add a delete marker and keep every old version readable.
    String keyMarker = null;
    String versionMarker = null;
    boolean more = true;
    while (more) {
      String km = keyMarker;
      String vm = versionMarker;
      ListObjectVersionsResponse page =
          s3.listObjectVersions(b -> b.bucket(bucket).prefix(key).keyMarker(km).versionIdMarker(vm));
      page.versions().stream()
          .filter(v -> v.key().equals(key))
          .forEach(v -> deleteVersion(key, v.versionId()));
      page.deleteMarkers().stream()
          .filter(m -> m.key().equals(key))
          .forEach(m -> deleteVersion(key, m.versionId()));
      more = Boolean.TRUE.equals(page.isTruncated());
      keyMarker = page.nextKeyMarker();
      versionMarker = page.nextVersionIdMarker();
    }
  }

  private void deleteVersion(String key, String versionId) {
    s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
  }

  @Override
  public void setLegalHold(String key, boolean on) {
    ObjectLockLegalHoldStatus status = on ? ObjectLockLegalHoldStatus.ON : ObjectLockLegalHoldStatus.OFF;
    s3.putObjectLegalHold(b -> b.bucket(bucket).key(key).legalHold(h -> h.status(status)));
  }

  @Override
  public void setRetentionUntil(String key, Instant until) {
    s3.putObjectRetention(
        b -> b.bucket(bucket).key(key).retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(until)));
  }
}
