package io.sigill.vault;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code local} blob store: one file per object under {@code <data dir>/vault/blobs}. */
final class LocalBlobStore implements BlobStore {

  private static final Logger log = LoggerFactory.getLogger(LocalBlobStore.class);
  // Keys are UUIDs made by the vault; anything else could walk out of the directory.
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Path root;

  LocalBlobStore(Path root) throws IOException {
    this.root = Files.createDirectories(root);
  }

  Path root() {
    return root;
  }

  @Override
  public void put(String key, long length, Supplier<InputStream> content) throws IOException {
    Path target = path(key);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
    try (InputStream in = content.get(); OutputStream out = Files.newOutputStream(tmp)) {
      // The vault's encrypting stream writes each sealed segment straight from its own buffer:
      // one write per segment, no copy through a buffer of ours.
      long written = in.transferTo(out);
      out.close();
      if (written != length) {
        throw new IOException("Wrote " + written + " bytes, expected " + length);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public InputStream get(String key) throws IOException {
    try {
      return Files.newInputStream(path(key));
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("No stored object " + key);
    }
  }

  @Override
  public Optional<Path> localFile(String key) {
    Path file = path(key);
    return Files.exists(file) ? Optional.of(file) : Optional.empty();
  }

  @Override
  public void deleteAllVersions(String key) throws IOException {
    Files.deleteIfExists(path(key));
  }

  @Override
  public void setLegalHold(String key, boolean on) {
    log.debug("Local store keeps no object lock; legal hold on {} is enforced by Sigill only", key);
  }

  @Override
  public void setRetentionUntil(String key, Instant until) {
    log.debug("Local store keeps no object lock; retention of {} is enforced by Sigill only", key);
  }

  private Path path(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not a blob key");
    }
    return root.resolve(key.substring(0, 2)).resolve(key);
  }
}
