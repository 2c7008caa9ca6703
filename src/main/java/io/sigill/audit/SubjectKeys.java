package io.sigill.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erasable personal data: values are AES-256-GCM encrypted under a key per data subject
 * ({@code user:<id>}, {@code signer:<id>}, an email address's subject id...). Erasing the subject
 * destroys the key; the ciphertext stays in the chain (so hashes still verify) but is unreadable.
 *
 * <p>Stored form: {@code pd1.<base64url(subject id)>.<base64url(12-byte IV || ciphertext+tag)>},
 * with the subject id as associated data. Keys are kept raw in {@code audit_subject_key}; wrapping
 * them with the vault's key provider (KMS) is planned once the vault exists.
 */
@Component
class SubjectKeys {

  static final String ERASED = "[erased]";
  private static final String PREFIX = "pd1.";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** How many subjects' keys are kept for encrypting, and for how long (erasure evicts at once). */
  private static final int KEYS_KEPT = 10_000;
  private static final long KEPT_NANOS = TimeUnit.MINUTES.toNanos(10);

  private final AuditDatabase db;
  private final SecureRandom random = new SecureRandom();
  /**
   * Keys of recent subjects, for encrypting only: a signing request's steps encrypt under the same
   * few subjects in transaction after transaction. A key enters once the transaction that read or
   * made it has committed (a key made in a transaction that rolled back must never be used).
   * Reading never uses it, so an erasure is effective for every reader at once; a node that still
   * holds an erased key encrypts under a key that no longer exists anywhere else (unreadable).
   */
  private final Map<String, KeptKey> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, KeptKey> eldest) {
      return size() > KEYS_KEPT;
    }
  });

  private record KeptKey(SecretKey key, long since) {}

  SubjectKeys(AuditDatabase db) {
    this.db = db;
  }

  /** Encrypts a value for a subject, creating the subject's key if needed; null once erased. */
  String encrypt(String subjectId, String plaintext) {
    if (plaintext == null) {
      return null;
    }
    // Looked up once per subject and transaction (an engine step may record many events of one subject).
    AuditTransaction tx = AuditTransaction.current();
    Optional<SecretKey> key = tx == null ? keyForEncrypting(subjectId)
        : tx.subjectKeys().computeIfAbsent(subjectId, this::keyForEncrypting);
    if (key.isEmpty()) {
      return null;
    }
    try {
      byte[] iv = new byte[12];
      random.nextBytes(iv);
      Cipher cipher = tx == null ? Cipher.getInstance("AES/GCM/NoPadding") : tx.cipher();
      cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
      cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
      byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
      return PREFIX + B64.encodeToString(subjectId.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  static boolean isEncrypted(Object value) {
    return value instanceof String s && s.startsWith(PREFIX);
  }

  /** A decryptor for one read: keys are looked up once per subject, never kept beyond it. */
  Reader reader() {
    return new Reader();
  }

  /** Destroys the subject's key; later events for the subject store no personal values. */
  void erase(String subjectId) {
    AuditTransaction tx = AuditTransaction.current();
    if (tx != null) {
      tx.subjectKeys().remove(subjectId);
    }
    kept.remove(subjectId);
    afterCommit(() -> kept.remove(subjectId));
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    db.insertIfMissing("INSERT INTO audit_subject_key (subject_id, key_bytes, created_at) VALUES (?, NULL, ?)",
        "subject_id = subject_id", subjectId, now);
    db.jdbc.update("UPDATE audit_subject_key SET key_bytes = NULL, erased_at = ? WHERE subject_id = ?", now, subjectId);
  }

  private Optional<SecretKey> keyForEncrypting(String subjectId) {
    KeptKey known = kept.get(subjectId);
    if (known != null && System.nanoTime() - known.since() < KEPT_NANOS) {
      return Optional.of(known.key());
    }
    Optional<SecretKey> key = keyFor(subjectId, true);
    key.ifPresent(k -> afterCommit(() -> kept.put(subjectId, new KeptKey(k, System.nanoTime()))));
    return key;
  }

  /** Runs once the current transaction has committed; at once when there is none. */
  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  private Optional<SecretKey> keyFor(String subjectId, boolean create) {
    List<Optional<SecretKey>> found = select(subjectId);
    if (found.isEmpty() && create) {
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      db.insertIfMissing("INSERT INTO audit_subject_key (subject_id, key_bytes, created_at) VALUES (?, ?, ?)",
          "subject_id = subject_id", subjectId, fresh, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      found = select(subjectId);
    }
    return found.isEmpty() ? Optional.empty() : found.get(0);
  }

  private List<Optional<SecretKey>> select(String subjectId) {
    return db.jdbc.query("SELECT key_bytes FROM audit_subject_key WHERE subject_id = ?",
        (rs, i) -> Optional.ofNullable(rs.getBytes(1)).map(b -> (SecretKey) new SecretKeySpec(b, "AES")), subjectId);
  }

  /** Decrypts stored values of one read, answering {@link #ERASED} where the key is gone. */
  final class Reader {
    private final Map<String, Optional<SecretKey>> keys = new HashMap<>();
    private Cipher cipher;

    String decrypt(String stored) {
      if (stored == null || !stored.startsWith(PREFIX)) {
        return stored;
      }
      String[] parts = stored.substring(PREFIX.length()).split("\\.", 2);
      if (parts.length != 2) {
        return ERASED;
      }
      String subjectId = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
      Optional<SecretKey> key = keys.computeIfAbsent(subjectId, s -> keyFor(s, false));
      if (key.isEmpty()) {
        return ERASED;
      }
      try {
        byte[] in = B64D.decode(parts[1]);
        if (cipher == null) {
          cipher = Cipher.getInstance("AES/GCM/NoPadding");
        }
        cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, in, 0, 12));
        cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return ERASED;
      }
    }
  }
}
