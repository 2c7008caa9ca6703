package io.sigill.audit;

/** One audit row exactly as stored (personal values still encrypted); what the hash covers. */
record StoredEvent(
    String transactionId,
    long seq,
    String orgId,
    String type,
    String actor,
    String ip,
    String userAgent,
    long occurredAtMs,
    String payload,
    String prevHash,
    String hash) {

  StoredEvent withHash(String newHash) {
    return new StoredEvent(transactionId, seq, orgId, type, actor, ip, userAgent, occurredAtMs, payload, prevHash, newHash);
  }
}
