package io.sigill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Where ciphertext lives. Keys are generated object ids, never file names. Legal hold and
 * retention are a second wall behind Sigill's own checks: S3 Object Lock enforces them; the local
 * store cannot and relies on Sigill's checks alone.
 */
interface BlobStore {

  /**
   * Stores {@code length} bytes. {@code content} may be asked more than once (an HTTP retry) and
   * must yield the same bytes each time.
   */
  void put(String key, long length, Supplier<InputStream> content) throws IOException;

  /** The stored bytes; throws {@link java.io.FileNotFoundException} when there are none. */
  InputStream get(String key) throws IOException;

  /** Removes every stored version of the object, so no older copy survives a shred. */
  void deleteAllVersions(String key) throws IOException;

  void setLegalHold(String key, boolean on);

  void setRetentionUntil(String key, Instant until);
}
