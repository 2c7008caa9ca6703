package io.sigill.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the seal key comes from: the configured PKCS#12 keystore in production; otherwise a
 * self-signed key generated once under the data dir, with a warning at every start, because
 * nobody outside this instance can trust it.
 */
@Configuration
class SealKeys {

  private static final Logger log = LoggerFactory.getLogger(SealKeys.class);
  static final String GENERATED_ALIAS = "sigill-seal";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Bean
  SealKey sealKey(SealingSettings settings, @Value("${sigill.data-dir}") Path dataDir) {
    try {
      if (settings.hasKeystore()) {
        char[] password = settings.keystorePassword() == null ? new char[0] : settings.keystorePassword().toCharArray();
        return load(Path.of(settings.keystore()), password, settings.keyAlias());
      }
      SealKey key = generatedUnder(dataDir.resolve("sealing"));
      log.warn("""
          ***
          *** SEALING WITH A SELF-SIGNED CERTIFICATE ({}).
          *** Sealed PDFs verify, but no PDF reader will trust who sealed them.
          *** For production set SIGILL_SEAL_KEYSTORE, SIGILL_SEAL_KEYSTORE_PASSWORD and SIGILL_SEAL_KEY_ALIAS.
          ***""", key.certificate().getSubjectX500Principal());
      return key;
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("The seal key could not be loaded: " + e.getClass().getSimpleName(), e);
    }
  }

  static SealKey load(Path keystore, char[] password, String alias) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password);
    }
    String entry = alias == null || alias.isBlank() ? onlyKeyAlias(store) : alias;
    if (!store.isKeyEntry(entry)) {
      throw new GeneralSecurityException("The seal keystore has no key entry named " + entry);
    }
    PrivateKey key = (PrivateKey) store.getKey(entry, password);
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate c : store.getCertificateChain(entry)) {
      chain.add((X509Certificate) c);
    }
    return new SealKey(key, chain);
  }

  private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
    List<String> keys = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keys.add(alias);
      }
    }
    if (keys.size() != 1) {
      throw new GeneralSecurityException("Set SIGILL_SEAL_KEY_ALIAS: the seal keystore holds " + keys.size() + " keys");
    }
    return keys.get(0);
  }

  /** Loads the generated key of an earlier start, or generates it (the password sits beside it, owner-only). */
  static SealKey generatedUnder(Path dir)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    Path keystore = dir.resolve("seal.p12");
    Path passwordFile = dir.resolve("seal.p12.password");
    if (Files.exists(keystore) && Files.exists(passwordFile)) {
      return load(keystore, Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray(), GENERATED_ALIAS);
    }
    Files.createDirectories(dir);
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
    SealKey key = selfSigned("CN=Sigill seal (self-signed),O=Sigill");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(GENERATED_ALIAS, key.privateKey(), password, key.chain().toArray(new Certificate[0]));
    writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.UTF_8));
    Path temp = dir.resolve("seal.p12.tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      store.store(out, password);
    }
    restrict(temp);
    Files.move(temp, keystore, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return key;
  }

  /**
   * A new self-signed seal key on P-256 (ECDSA): as strong as RSA-3072 and about ten times faster to
   * sign with, which is a fixed cost of every seal. Keys generated by earlier versions (RSA) and
   * keystore keys of either kind keep working.
   */
  static SealKey selfSigned(String subject) throws GeneralSecurityException, OperatorCreationException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name(subject);
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
        new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofDays(1))),
        Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    X509Certificate certificate = new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    return new SealKey(pair.getPrivate(), List.of(certificate));
  }

  private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    restrict(file);
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the data dir's own permissions apply.
    }
  }
}
