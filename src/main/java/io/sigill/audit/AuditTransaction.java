package io.sigill.audit;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit state of one database transaction: events recorded in it but not yet written, and the
 * subject keys it has already looked up. Pending events are written together right before the
 * transaction commits (or earlier, as soon as anything in the transaction writes or reads a
 * chain), so each chain's head is locked and advanced once per transaction instead of once per
 * event. A rollback drops them with everything else. Nothing outlives the transaction: a suspended
 * transaction's state is set aside with it, and a nested new transaction gets its own.
 */
final class AuditTransaction implements TransactionSynchronization {

  private static final Object RESOURCE = AuditTransaction.class;

  /** An event as recorded: everything but its place in the chain (seq, previous hash, hash). */
  record Pending(String transactionId, String orgId, String type, String actor, String ip, String userAgent,
      long occurredAtMs, String payload) {}

  private final List<Pending> pending = new ArrayList<>();
  private final Map<String, Optional<SecretKey>> subjectKeys = new HashMap<>();
  private final Consumer<List<Pending>> writer;
  private Cipher cipher;
  private boolean committing;

  private AuditTransaction(Consumer<List<Pending>> writer) {
    this.writer = writer;
  }

  /** The state of the current transaction, or null when there is none (or none was started yet). */
  static AuditTransaction current() {
    return (AuditTransaction) TransactionSynchronizationManager.getResource(RESOURCE);
  }

  /**
   * The state of the current transaction, created on first use; null when no transaction with
   * synchronization is active (the caller then writes at once).
   */
  static AuditTransaction join(Consumer<List<Pending>> writer) {
    AuditTransaction existing = current();
    if (existing != null) {
      return existing;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      return null;
    }
    AuditTransaction created = new AuditTransaction(writer);
    TransactionSynchronizationManager.bindResource(RESOURCE, created);
    TransactionSynchronizationManager.registerSynchronization(created);
    return created;
  }

  /** Writes the current transaction's pending events now (before a direct append or a read). */
  static void flushCurrent() {
    AuditTransaction current = current();
    if (current != null) {
      current.writePending();
    }
  }

  void add(Pending event) {
    pending.add(event);
    if (committing) {
      // Recorded by another synchronization after this one wrote at commit: still in the
      // transaction, so written now instead of never.
      writePending();
    }
  }

  void writePending() {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> batch = new ArrayList<>(pending);
    pending.clear();
    writer.accept(batch);
  }

  Map<String, Optional<SecretKey>> subjectKeys() {
    return subjectKeys;
  }

  /** One AES-GCM cipher for the transaction's encryptions (each initialized with its own key and IV). */
  Cipher cipher() throws GeneralSecurityException {
    if (cipher == null) {
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
    }
    return cipher;
  }

  @Override
  public void flush() {
    writePending();
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    writePending();
    committing = true;
  }

  @Override
  public void suspend() {
    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
  }

  @Override
  public void resume() {
    TransactionSynchronizationManager.bindResource(RESOURCE, this);
  }

  @Override
  public void afterCompletion(int status) {
    pending.clear();
    subjectKeys.clear();
    cipher = null;
    TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
  }
}
