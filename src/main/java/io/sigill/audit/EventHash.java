package io.sigill.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit event, version 1.
 *
 * <p>{@code hash = lowercase-hex(SHA-256(encoding))}, where the encoding is the concatenation of
 * these fields, in this order, each written as a 4-byte big-endian signed length followed by that
 * many bytes of UTF-8 (a {@code null} field is the length {@code -1} and no bytes):
 *
 * <ol>
 *   <li>the literal {@code sigill-audit-v1}
 *   <li>{@code prev_hash} (64 lowercase hex characters; 64 zeros for seq 1)
 *   <li>{@code transaction_id}
 *   <li>{@code seq} as a decimal string
 *   <li>{@code org_id}
 *   <li>{@code type} (the {@link AuditEventType} name)
 *   <li>{@code actor}
 *   <li>{@code ip} as stored (ciphertext)
 *   <li>{@code user_agent} as stored (ciphertext)
 *   <li>{@code occurred_at_ms} as a decimal string (UTC epoch milliseconds)
 *   <li>{@code payload} as stored: JSON with keys sorted, personal values as ciphertext
 * </ol>
 *
 * Because personal values enter the hash as ciphertext, destroying a subject key makes them
 * unreadable while every hash still recomputes.
 */
final class EventHash {

  static final String GENESIS = "0".repeat(64);
  private static final byte[] VERSION = "sigill-audit-v1".getBytes(StandardCharsets.UTF_8);

  private EventHash() {}

  static String of(StoredEvent e) {
    MessageDigest sha = sha256();
    field(sha, VERSION);
    field(sha, e.prevHash());
    field(sha, e.transactionId());
    field(sha, Long.toString(e.seq()));
    field(sha, e.orgId());
    field(sha, e.type());
    field(sha, e.actor());
    field(sha, e.ip());
    field(sha, e.userAgent());
    field(sha, Long.toString(e.occurredAtMs()));
    field(sha, e.payload());
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void field(MessageDigest sha, String value) {
    field(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(MessageDigest sha, byte[] value) {
    sha.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
    if (value != null) {
      sha.update(value);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
