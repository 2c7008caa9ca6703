package io.sigill.vault;

/**
 * The seam for signers: implemented by the signing feature, which knows which request (and so
 * which documents) a signer's token is bound to. Without an implementation no signer reads.
 */
public interface SignerDocumentAccess {

  /** True when the signer is part of a live request that includes this document of this org. */
  boolean mayRead(String signerId, String orgId, String documentId);
}
