package io.sigill.audit;

/** The last position of one chain, as kept in {@code audit_chain_head}. */
record ChainHead(String transactionId, String orgId, long lastSeq, String lastHash) {}
