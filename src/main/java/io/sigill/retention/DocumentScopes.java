package io.sigill.retention;

import io.sigill.vault.DocumentVault;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Resolves a scope to documents through {@link RetainedDocuments}; no implementation means no documents. */
@Component
class DocumentScopes {

  private static final int MAX_REQUEST_IDS = 1000;

  private final ObjectProvider<RetainedDocuments> source;
  private final DocumentVault vault;

  DocumentScopes(ObjectProvider<RetainedDocuments> source, DocumentVault vault) {
    this.source = source;
    this.vault = vault;
  }

  /** Every id must be one of the org's requests: another org's id answers 404 like an unknown one. */
  List<RetainedDocuments.ScopedDocument> ofRequests(String orgId, Collection<String> requestIds) {
    if (requestIds == null || requestIds.isEmpty() || requestIds.size() > MAX_REQUEST_IDS) {
      throw new InvalidRequestException("The request is invalid: requestIds: name 1 to " + MAX_REQUEST_IDS + " requests");
    }
    Set<String> wanted = new HashSet<>(requestIds);
    List<RetainedDocuments.ScopedDocument> found = documents().ofRequests(orgId, wanted);
    Set<String> seen = new HashSet<>();
    found.forEach(d -> seen.add(d.requestId()));
    if (!seen.containsAll(wanted)) {
      throw new NotFoundException("No such signature request");
    }
    return found;
  }

  List<RetainedDocuments.ScopedDocument> ofSigner(String orgId, String signerEmail) {
    return documents().ofSigner(orgId, signerEmail.strip());
  }

  /** Every document the org holds a share of: its requests' documents and those stored outside any request. */
  List<RetainedDocuments.ScopedDocument> ofOrg(String orgId) {
    List<RetainedDocuments.ScopedDocument> all = new java.util.ArrayList<>(documents().ofOrg(orgId));
    Set<String> known = new HashSet<>();
    all.forEach(d -> known.add(d.documentId()));
    vault.documentsHeldBy(orgId).stream().filter(id -> !known.contains(id))
        .forEach(id -> all.add(new RetainedDocuments.ScopedDocument(null, id)));
    return all;
  }

  /** The documents of these requests of the org, without the checks of {@link #ofRequests}. */
  List<RetainedDocuments.ScopedDocument> documentsOf(String orgId, Collection<String> requestIds) {
    return requestIds.isEmpty() ? List.of() : documents().ofRequests(orgId, requestIds);
  }

  void purgePersonalData(String orgId, Collection<String> requestIds) {
    if (!requestIds.isEmpty()) {
      documents().purgePersonalData(orgId, requestIds);
    }
  }

  List<RetainedDocuments.SignerCopy> copiesOf(String signerEmail) {
    return documents().copiesOf(signerEmail);
  }

  /** Audit subjects (e.g. {@code signer:<id>}) whose personal data go with these requests. */
  List<String> subjectsOf(String orgId, Collection<String> requestIds) {
    return requestIds.isEmpty() ? List.of() : documents().subjectsOf(orgId, requestIds);
  }

  private RetainedDocuments documents() {
    return source.getIfAvailable(() -> NONE);
  }

  private static final RetainedDocuments NONE = new RetainedDocuments() {
    @Override
    public List<ScopedDocument> ofRequests(String orgId, Collection<String> requestIds) {
      return List.of();
    }

    @Override
    public List<ScopedDocument> ofSigner(String orgId, String signerEmail) {
      return List.of();
    }

    @Override
    public List<ScopedDocument> ofOrg(String orgId) {
      return List.of();
    }

    @Override
    public List<String> subjectsOf(String orgId, Collection<String> requestIds) {
      return List.of();
    }

    @Override
    public List<SignerCopy> copiesOf(String signerEmail) {
      return List.of();
    }

    @Override
    public void purgePersonalData(String orgId, Collection<String> requestIds) {
      // nothing holds personal data without an implementation
    }
  };
}
