package io.sigill.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * Small secrets other features must keep but be able to use again (e.g. an org's webhook signing
 * secret), encrypted at rest like documents: a fresh data key per secret, wrapped by the
 * {@link KeyProvider} (local keyring or KMS), the value sealed with AES-256-GCM, bound to its
 * purpose (associated data), so a sealed value copied to another row or org does not open.
 *
 * <p>Format: {@code sb1.<b64url kek id>.<b64url wrapped key>.<b64url iv | ciphertext | tag>}.
 */
@Service
public class SecretBox {

  static final String PREFIX = "sb1.";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

  private final KeyProvider keys;

  SecretBox(KeyProvider keys) {
    this.keys = keys;
  }

  /** Seals a secret for one purpose, e.g. {@code webhook-secret:<org id>}. */
  public String seal(String secret, String purpose) {
    KeyProvider.DataKey key = keys.newDataKey();
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key.plaintext(), iv, purpose)
          .doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] ivAndSealed = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, ivAndSealed, 0, IV_BYTES);
      System.arraycopy(sealed, 0, ivAndSealed, IV_BYTES, sealed.length);
      return PREFIX + B64.encodeToString(key.kekId().getBytes(StandardCharsets.UTF_8)) + "."
          + B64.encodeToString(key.wrapped()) + "." + B64.encodeToString(ivAndSealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not seal a secret", e);
    } finally {
      Arrays.fill(key.plaintext(), (byte) 0);
    }
  }

  /** Whether a stored value is sealed (values stored before sealing existed are plain). */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Opens a sealed secret for the same purpose; fails on any change to it or another purpose. */
  public String open(String sealed, String purpose) {
    if (!isSealed(sealed)) {
      throw new IllegalArgumentException("Not a sealed secret");
    }
    String[] parts = sealed.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not a sealed secret");
    }
    byte[] dataKey = keys.unwrap(new String(UNB64.decode(parts[0]), StandardCharsets.UTF_8), UNB64.decode(parts[1]));
    try {
      byte[] ivAndSealed = UNB64.decode(parts[2]);
      byte[] iv = Arrays.copyOf(ivAndSealed, IV_BYTES);
      byte[] plain = cipher(Cipher.DECRYPT_MODE, dataKey, iv, purpose)
          .doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A sealed secret failed its integrity check", e);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] iv, String purpose) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
