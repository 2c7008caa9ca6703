package io.sigill.vault;

import java.time.Instant;

/** Stored bytes failed authentication or their checksum on read; nothing was served. No content, no file name: the audit trail keeps ids and who/where only. */
public record DocumentIntegrityFailed(
    String orgId, String documentId, int version, String actor, String ip, String userAgent, Instant occurredAt)
    implements DocumentEvent {}
