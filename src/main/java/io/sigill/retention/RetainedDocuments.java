package io.sigill.retention;

import java.util.Collection;
import java.util.List;

/**
 * The seam to the feature that knows which documents belong to which signature request (signing
 * implements it): retention cannot depend on signing, since signing starts retention.
 */
public interface RetainedDocuments {

  /** The documents (original and final) of the org's requests with these ids; unknown ids are skipped. */
  List<ScopedDocument> ofRequests(String orgId, Collection<String> requestIds);

  /** The documents of every request of the org that this email was asked to sign. */
  List<ScopedDocument> ofSigner(String orgId, String signerEmail);

  /** Every request document of the org. */
  List<ScopedDocument> ofOrg(String orgId);

  /** Audit subjects ({@code signer:<id>}) of the people named in these requests, to erase with them. */
  List<String> subjectsOf(String orgId, Collection<String> requestIds);

  /**
   * Purges the names and addresses of the people named in these requests (signers, CC) from the
   * feature's rows: called once no party holds any document of these requests any more.
   */
  void purgePersonalData(String orgId, Collection<String> requestIds);

  /** Every copy of a completed request kept for a signer with this email, in any org (a data subject's request). */
  List<SignerCopy> copiesOf(String signerEmail);

  /** A signer's copy: the sealed document of a completed request of an org. */
  record SignerCopy(String orgId, String requestId, String signerId, String documentId) {}

  /** One document and the request it belongs to (null for a document outside any request). */
  record ScopedDocument(String requestId, String documentId) {}
}
