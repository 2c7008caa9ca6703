package io.sigill.vault;

import java.time.Instant;

/**
 * Stored bytes failed authentication, their length or their checksum on read. Nothing was served;
 * or, for a large document that failed while it streamed, a prefix in a response that was then
 * aborted. No content, no file name: the audit trail keeps ids and who/where only.
 */
public record DocumentIntegrityFailed(
    String orgId, String documentId, int version, String actor, String ip, String userAgent, Instant occurredAt)
    implements DocumentEvent {}
