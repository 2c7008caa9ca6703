package io.sigill.vault;

import java.time.Instant;

/** A read of a document was refused: unknown id, another org's id, or a role without the right. No content, no file name: the audit trail keeps ids and who/where only. */
public record DocumentAccessRefused(
    String orgId, String documentId, int version, String actor, String ip, String userAgent, Instant occurredAt)
    implements DocumentEvent {}
