package io.sigill.vault;

import java.time.Instant;

/** What may be shown about a stored document: never its bytes or keys. */
public record DocumentInfo(
    String id,
    int version,
    String fileName,
    int pages,
    String sha256,
    long size,
    Instant createdAt,
    boolean legalHold,
    Instant retainUntil) {}
