package io.sigill.vault;

import java.time.Instant;

/** One party let go of a shared document: its access is gone, the bytes stay for the other parties. */
public record DocumentAccessRemoved(
    String orgId, String documentId, int version, String actor, String ip, String userAgent, Instant occurredAt)
    implements DocumentEvent {}
