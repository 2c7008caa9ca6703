package io.sigill.vault;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code local} key provider: KEKs in a keyring file under the data dir, created on first
 * start. Key ids are {@code local-1}, {@code local-2}, ...; the highest is the newest. A wrapped
 * data key is {@code nonce (12) | AES-256-GCM(KEK, data key, aad = "sigill-kek:" + key id)}.
 */
public final class LocalKeyring implements KeyProvider {

  private static final Logger log = LoggerFactory.getLogger(LocalKeyring.class);
  private static final String PREFIX = "local-";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Map<String, byte[]> keks = new LinkedHashMap<>();
  private String current;

  LocalKeyring(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      load();
    } else {
      log.warn("No keyring at {}: generated a new one. Back it up with the database: documents cannot be "
          + "decrypted without it. In production prefer SIGILL_KEY_PROVIDER=kms.", file);
      addKey();
    }
  }

  /** Adds a new KEK and makes it the one new data keys are wrapped under; returns its id. */
  public synchronized String rotate() {
    String id = addKey();
    log.info("Keyring rotated: new data keys are wrapped under {}", id);
    return id;
  }

  @Override
  public synchronized String currentKekId() {
    return current;
  }

  @Override
  public DataKey newDataKey() {
    byte[] dataKey = new byte[SegmentedAead.KEY_SIZE];
    RANDOM.nextBytes(dataKey);
    String kekId = currentKekId();
    return new DataKey(dataKey, kekId, wrap(kekId, dataKey));
  }

  @Override
  public byte[] unwrap(String kekId, byte[] wrapped) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, kek(kekId), new GCMParameterSpec(128, wrapped, 0, 12));
      cipher.updateAAD(aad(kekId));
      return cipher.doFinal(wrapped, 12, wrapped.length - 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Data key does not unwrap under " + kekId, e);
    }
  }

  @Override
  public DataKey rewrap(String kekId, byte[] wrapped) {
    byte[] dataKey = unwrap(kekId, wrapped);
    try {
      String newest = currentKekId();
      return new DataKey(null, newest, wrap(newest, dataKey));
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private byte[] wrap(String kekId, byte[] dataKey) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, kek(kekId), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(aad(kekId));
      byte[] sealed = cipher.doFinal(dataKey);
      return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not wrap a data key", e);
    }
  }

  private synchronized SecretKeySpec kek(String kekId) {
    byte[] kek = keks.get(kekId);
    if (kek == null) {
      throw new IllegalStateException("Key " + kekId + " is not in the keyring " + file);
    }
    return new SecretKeySpec(kek, "AES");
  }

  private static byte[] aad(String kekId) {
    return ("sigill-kek:" + kekId).getBytes(StandardCharsets.UTF_8);
  }

  private synchronized String addKey() {
    byte[] kek = new byte[32];
    RANDOM.nextBytes(kek);
    String id = PREFIX + (keks.size() + 1);
    keks.put(id, kek);
    current = id;
    save();
    return id;
  }

  private void load() {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the keyring " + file, e);
    }
    int n = 1;
    while (props.containsKey(PREFIX + n)) {
      keks.put(PREFIX + n, Base64.getDecoder().decode(props.getProperty(PREFIX + n)));
      current = PREFIX + n;
      n++;
    }
    if (current == null) {
      throw new IllegalStateException("The keyring " + file + " holds no keys");
    }
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "keyring", ".tmp");
      restrictToOwner(tmp);
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write("# Sigill local keyring: key-encryption keys, newest last. Keep secret, back up with the database.\n");
        for (Map.Entry<String, byte[]> e : keks.entrySet()) {
          w.write(e.getKey() + "=" + Base64.getEncoder().encodeToString(e.getValue()) + "\n");
        }
      }
      // Atomic replace: a crash mid-write must never leave a keyring that lost a key.
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the keyring " + file, e);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
