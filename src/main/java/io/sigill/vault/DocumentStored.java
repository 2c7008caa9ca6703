package io.sigill.vault;

import java.time.Instant;

/** A document version was encrypted and stored. No content, no file name: the audit trail keeps ids and who/where only. */
public record DocumentStored(
    String orgId, String documentId, int version, String actor, String ip, String userAgent, Instant occurredAt)
    implements DocumentEvent {}
