package io.sigill.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Rows of {@code audit_event} and {@code audit_chain_head}; every method runs in the caller's
 * transaction. Reads first write the transaction's pending events (see {@link AuditTransaction}),
 * so a transaction always reads its own events.
 */
@Component
class ChainStore {

  private static final String EVENT_COLUMNS =
      "transaction_id, seq, org_id, type, actor, ip, user_agent, occurred_at_ms, payload, prev_hash, hash";
  private static final RowMapper<StoredEvent> EVENT = ChainStore::event;
  private static final RowMapper<ChainHead> HEAD =
      (rs, i) -> new ChainHead(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4));

  static final int ROWS_PER_INSERT = 100;

  private final AuditDatabase db;

  ChainStore(AuditDatabase db) {
    this.db = db;
  }

  /**
   * Locks the head of a chain for the rest of the transaction, creating it (seq 0, genesis hash)
   * when the chain is new. Every append goes through here, so appends to one chain are serialized.
   */
  ChainHead lockHead(String transactionId, String orgId, long nowMs) {
    Optional<ChainHead> head = selectHeadForUpdate(transactionId);
    if (head.isPresent()) {
      return head.get();
    }
    db.insertIfMissing(
        "INSERT INTO audit_chain_head (transaction_id, org_id, last_seq, last_hash, updated_at_ms) VALUES (?, ?, 0, ?, ?)",
        "last_seq = last_seq", transactionId, orgId, EventHash.GENESIS, nowMs);
    return selectHeadForUpdate(transactionId)
        .orElseThrow(() -> new IllegalStateException("Chain head vanished while appending"));
  }

  void insert(StoredEvent e) {
    insertAll(List.of(e));
  }

  /** Inserts events in one statement per {@value #ROWS_PER_INSERT} rows (one round trip, not one per event). */
  void insertAll(List<StoredEvent> events) {
    for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
      List<StoredEvent> rows = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
      StringBuilder sql = new StringBuilder("INSERT INTO audit_event (" + EVENT_COLUMNS + ", occurred_at) VALUES ");
      List<Object> args = new ArrayList<>(rows.size() * 12);
      for (int i = 0; i < rows.size(); i++) {
        StoredEvent e = rows.get(i);
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Collections.addAll(args, e.transactionId(), e.seq(), e.orgId(), e.type(), e.actor(), e.ip(), e.userAgent(),
            e.occurredAtMs(), e.payload(), e.prevHash(), e.hash(), new Timestamp(e.occurredAtMs()));
      }
      db.jdbc.update(sql.toString(), args.toArray());
    }
  }

  void advance(String transactionId, String orgId, long seq, String hash, long nowMs) {
    db.jdbc.update(
        "UPDATE audit_chain_head SET org_id = ?, last_seq = ?, last_hash = ?, updated_at_ms = ? WHERE transaction_id = ?",
        orgId, seq, hash, nowMs, transactionId);
  }

  Optional<ChainHead> head(String transactionId) {
    AuditTransaction.flushCurrent();
    return db.jdbc.query(
        "SELECT transaction_id, org_id, last_seq, last_hash FROM audit_chain_head WHERE transaction_id = ?",
        HEAD, transactionId).stream().findFirst();
  }

  List<StoredEvent> events(String transactionId) {
    AuditTransaction.flushCurrent();
    return db.jdbc.query(
        "SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE transaction_id = ? ORDER BY seq", EVENT, transactionId);
  }

  /** Every chain head, for the Merkle root of a checkpoint. */
  List<ChainHead> allHeads() {
    AuditTransaction.flushCurrent();
    return db.jdbc.query(
        "SELECT transaction_id, org_id, last_seq, last_hash FROM audit_chain_head WHERE last_seq > 0", HEAD);
  }

  private Optional<ChainHead> selectHeadForUpdate(String transactionId) {
    return db.jdbc.query(
        "SELECT transaction_id, org_id, last_seq, last_hash FROM audit_chain_head WHERE transaction_id = ? FOR UPDATE",
        HEAD, transactionId).stream().findFirst();
  }

  private static StoredEvent event(ResultSet rs, int row) throws SQLException {
    return new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11));
  }
}
