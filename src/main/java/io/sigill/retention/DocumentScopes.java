package io.sigill.retention;

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

  DocumentScopes(ObjectProvider<RetainedDocuments> source) {
    this.source = source;
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

  List<RetainedDocuments.ScopedDocument> ofOrg(String orgId) {
    return documents().ofOrg(orgId);
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
  };
}
