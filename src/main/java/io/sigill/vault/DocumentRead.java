package io.sigill.vault;

import java.time.Instant;

/** Someone was granted a document's bytes; published before any byte is sent. No content, no file name: the audit trail keeps ids and who/where only. */
public record DocumentRead(
    String orgId, String documentId, int version, String actor, String ip, String userAgent, Instant occurredAt)
    implements DocumentEvent {}
