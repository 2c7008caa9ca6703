package io.sigill.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair that signs checkpoints, kept under the data dir
 * ({@code audit/checkpoint-ed25519.key}, PKCS#8, owner-only; {@code .pub} next to it, X.509) and
 * generated on first use. Several nodes must share the data dir's key (or one node signs).
 */
@Component
class CheckpointKeys {

  static final String ALGORITHM = "Ed25519";
  private static final Logger log = LoggerFactory.getLogger(CheckpointKeys.class);

  private final Path privateKeyFile;
  private final Path publicKeyFile;
  private KeyPair keyPair;

  CheckpointKeys(@Value("${sigill.data-dir:./data}") String dataDir) {
    Path dir = Path.of(dataDir).toAbsolutePath().normalize().resolve("audit");
    this.privateKeyFile = dir.resolve("checkpoint-ed25519.key");
    this.publicKeyFile = dir.resolve("checkpoint-ed25519.pub");
  }

  synchronized KeyPair keyPair() {
    if (keyPair == null) {
      keyPair = Files.exists(privateKeyFile) ? load() : generate();
    }
    return keyPair;
  }

  private KeyPair load() {
    try {
      KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
      return new KeyPair(
          factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicKeyFile))),
          factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateKeyFile))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the audit checkpoint key in " + privateKeyFile.getParent(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The audit checkpoint key in " + privateKeyFile.getParent() + " is not an Ed25519 key", e);
    }
  }

  private KeyPair generate() {
    try {
      KeyPair fresh = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      Files.createDirectories(privateKeyFile.getParent());
      Files.write(publicKeyFile, fresh.getPublic().getEncoded());
      Files.write(privateKeyFile, fresh.getPrivate().getEncoded(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: rely on the data dir's ACL.
      }
      log.warn("Generated a new audit checkpoint signing key in {}: back it up; every node must use this same key",
          privateKeyFile.getParent());
      return fresh;
    } catch (FileAlreadyExistsException anotherNodeWasFirst) {
      return load();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the audit checkpoint key to " + privateKeyFile.getParent(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This Java runtime cannot generate Ed25519 keys", e);
    }
  }
}
