package io.sigill.vault;

import java.time.Instant;

/** A delete of a document under legal hold or retention was refused; recorded even though nothing changed. */
public record DocumentDeletionRefused(
    String orgId, String documentId, int version, String actor, String ip, String userAgent, Instant occurredAt)
    implements DocumentEvent {}
