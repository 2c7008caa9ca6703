package io.sigill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Lets the benchmarks (io.sigill.bench) drive the vault's own store and read path, local keyring
 * and local blob store included, without opening the package's internals to the application.
 */
public final class VaultBenchSupport {

  private final EncryptedObjects objects;
  private final LocalKeyring keys;
  private final LocalBlobStore blobs;

  private VaultBenchSupport(Path dir) throws IOException {
    this.keys = new LocalKeyring(dir.resolve("keyring.properties"));
    this.blobs = new LocalBlobStore(dir.resolve("blobs"));
    this.objects = new EncryptedObjects(keys, blobs);
  }

  public static VaultBenchSupport local(Path dir) throws IOException {
    return new VaultBenchSupport(dir);
  }

  /** A stored object as the vault's rows would describe it. */
  public record Stored(String objectId, String documentId, Object key, long size, String sha256) {}

  public Stored store(Path plaintext, long size, String sha256) throws IOException {
    String objectId = UUID.randomUUID().toString();
    String documentId = UUID.randomUUID().toString();
    return new Stored(objectId, documentId, objects.put(objectId, documentId, 1, plaintext, size), size, sha256);
  }

  /**
   * The vault's read path as DocumentVault uses it: verified whole before streaming up to the
   * verify-first limit, above it one pass that authenticates each segment before releasing it and
   * checks length and SHA-256 before releasing the last.
   */
  public InputStream read(Stored stored) throws IOException {
    return objects.open(stored.objectId(), stored.documentId(), 1, (EncryptedObjects.WrappedKey) stored.key(),
        stored.size(), stored.sha256()).stream();
  }

  /**
   * The segment format alone: one decryption pass without the length and checksum checks. For
   * comparison only; the vault never reads this way.
   */
  public InputStream readSinglePass(Stored stored) throws IOException {
    EncryptedObjects.WrappedKey key = (EncryptedObjects.WrappedKey) stored.key();
    return SegmentedAead.decrypting(keys.unwrap(key.kekId(), key.wrapped()),
        SegmentedAead.associatedData(stored.documentId(), 1), blobs.get(stored.objectId()));
  }

  /** Deletes a stored object, so repeated runs do not pile up gigabytes of dirty pages. */
  public void delete(Stored stored) {
    objects.deleteQuietly(stored.objectId());
  }

  public static int segmentSize() {
    return SegmentedAead.SEGMENT_SIZE;
  }
}
