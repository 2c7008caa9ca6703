package io.sigill.audit;

/** The outcome of checking one chain: valid, or the first sequence number that is not. */
public record Verification(boolean valid, long events, String headHash, Long firstInvalidSeq, String reason) {}
