package io.sigill.vault;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mechanics under {@link DocumentVault}: envelope-encrypts a file into the blob store and
 * opens stored objects verified. Knows nothing of users, orgs or events.
 *
 * <p>Reads verify before they stream: a remote object's ciphertext is first copied to a local
 * temp file (ciphertext only, never plaintext on disk; a local store's file is used in place),
 * decrypted once to check every segment and the SHA-256 recorded at intake, and only then
 * decrypted again for the caller. So a caller never gets a partial
 * document that looks whole, and a slow client never holds an S3 connection open. The price is a
 * second decryption pass, which at GCM speed costs far less than the network.
 */
final class EncryptedObjects {

  private static final Logger log = LoggerFactory.getLogger(EncryptedObjects.class);

  private final KeyProvider keys;
  private final BlobStore blobs;

  EncryptedObjects(KeyProvider keys, BlobStore blobs) {
    this.keys = keys;
    this.blobs = blobs;
  }

  /** How the data key of a stored object is kept: wrapped under a KEK. */
  record WrappedKey(String kekId, byte[] wrapped) {}

  /** Encrypts {@code plaintext} under a fresh data key into object {@code objectId}. */
  WrappedKey put(String objectId, String documentId, int version, Path plaintext, long size) throws IOException {
    KeyProvider.DataKey dataKey = keys.newDataKey();
    try {
      byte[] prefix = SegmentedAead.newNoncePrefix();
      byte[] aad = SegmentedAead.associatedData(documentId, version);
      blobs.put(objectId, SegmentedAead.ciphertextLength(size),
          () -> SegmentedAead.encrypting(dataKey.plaintext(), prefix, aad, open(plaintext)));
      return new WrappedKey(dataKey.kekId(), dataKey.wrapped());
    } finally {
      Arrays.fill(dataKey.plaintext(), (byte) 0);
    }
  }

  /**
   * The verified plaintext of a stored object; close it to remove the local ciphertext copy.
   *
   * @throws SegmentedAead.IntegrityException when any segment or the checksum fails
   * @throws java.io.FileNotFoundException when the store has no such object
   * @throws IllegalStateException when the wrapped key does not unwrap
   */
  InputStream openVerified(String objectId, String documentId, int version, WrappedKey key, long size, String sha256)
      throws IOException {
    Optional<Path> local = blobs.localFile(objectId);
    Path spool = local.isPresent() ? null : tempFile();
    Path file = local.orElse(spool);
    byte[] dataKey = null;
    InputStream serve = null;
    try {
      if (spool != null) {
        try (InputStream in = blobs.get(objectId)) {
          Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      // Opened before verifying: should the object be deleted meanwhile, this handle still
      // reads the very bytes that were verified.
      serve = Files.newInputStream(file);
      byte[] aad = SegmentedAead.associatedData(documentId, version);
      dataKey = keys.unwrap(key.kekId(), key.wrapped());
      MessageDigest digest = PdfIntake.sha256();
      long plainSize;
      try (InputStream check = new DigestInputStream(SegmentedAead.decrypting(dataKey, aad, open(file)), digest)) {
        plainSize = check.transferTo(OutputStream.nullOutputStream());
      }
      if (plainSize != size || !HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
        throw new SegmentedAead.IntegrityException("Checksum does not match the one recorded at intake", null);
      }
      InputStream verified = SegmentedAead.decrypting(dataKey, aad, serve);
      serve = null;
      if (spool != null) {
        verified = new DeletingInputStream(verified, spool);
        spool = null; // now owned by the stream
      }
      return verified;
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("No stored object " + objectId);
    } finally {
      if (serve != null) {
        serve.close();
      }
      if (dataKey != null) {
        Arrays.fill(dataKey, (byte) 0);
      }
      if (spool != null) {
        deleteTemp(spool);
      }
    }
  }

  /** Removes every stored version; failures are logged, since without its key the object is unreadable. */
  void deleteQuietly(String objectId) {
    try {
      blobs.deleteAllVersions(objectId);
    } catch (IOException | RuntimeException e) {
      log.warn("Could not delete stored object {}; its data key is gone, so it is unreadable", objectId, e);
    }
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempFile() throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(dir, "sigill-read", ".enc",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(dir, "sigill-read", ".enc");
  }

  static void deleteTemp(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete temp file {}", file, e);
    }
  }

  /** Deletes its backing temp file when closed. */
  private static final class DeletingInputStream extends FilterInputStream {
    private final Path file;

    DeletingInputStream(InputStream in, Path file) {
      super(in);
      this.file = file;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        deleteTemp(file);
      }
    }
  }
}
