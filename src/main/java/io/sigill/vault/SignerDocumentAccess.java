package io.sigill.vault;

/**
 * The seam for signers: implemented by the signing feature, which knows which request (and so
 * which documents) a signer's token is bound to. Without an implementation no signer reads.
 */
public interface SignerDocumentAccess {

  /** What a signer may do with a document of an org. */
  enum Right {
    /** Nothing. */
    NONE,
    /** Read it as an invitee of a live request: only while the inviting org still holds the document. */
    INVITED,
    /** Read their own copy of a completed request: only while their own share exists. */
    OWN_COPY
  }

  Right rightTo(String signerId, String orgId, String documentId);
}
