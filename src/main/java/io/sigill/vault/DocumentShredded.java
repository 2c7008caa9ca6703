package io.sigill.vault;

import java.time.Instant;

/** A document's data keys were destroyed and its stored versions deleted. No content, no file name: the audit trail keeps ids and who/where only. */
public record DocumentShredded(
    String orgId, String documentId, int version, String actor, String ip, String userAgent, Instant occurredAt)
    implements DocumentEvent {}
