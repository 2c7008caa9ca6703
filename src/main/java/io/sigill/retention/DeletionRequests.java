package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.AFFECTED_DOCUMENTS;
import static io.sigill.retention.RetentionProcessVariables.APPROVAL_REQUIRED;
import static io.sigill.retention.RetentionProcessVariables.CONFIRMATION_REQUIRED;
import static io.sigill.retention.RetentionProcessVariables.DELETION_CONFIRMED;
import static io.sigill.retention.RetentionProcessVariables.DATA_DELETION_PROCESS;
import static io.sigill.retention.RetentionProcessVariables.DELETION_REQUEST_ID;
import static io.sigill.retention.RetentionProcessVariables.DOCUMENT_COUNT;
import static io.sigill.retention.RetentionProcessVariables.ESCALATE_AT;
import static io.sigill.retention.RetentionProcessVariables.REQUESTED_BY;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.notification.Mailer;
import io.sigill.vault.Parties;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletion requests: org-admins (or retention) ask, compliance approves, the data-deletion process deletes. */
@Component
class DeletionRequests {

  /** Camunda keeps string variables up to 4000 characters in every database. */
  private static final int MAX_LISTING = 3900;

  private final DeletionRequestRepository requests;
  private final DeletionItemRepository items;
  private final DocumentScopes scopes;
  private final RuntimeService runtimeService;
  private final AuditTrail auditTrail;
  private final RetentionSettings settings;

  DeletionRequests(DeletionRequestRepository requests, DeletionItemRepository items, DocumentScopes scopes,
      RuntimeService runtimeService, AuditTrail auditTrail, RetentionSettings settings) {
    this.requests = requests;
    this.items = items;
    this.scopes = scopes;
    this.runtimeService = runtimeService;
    this.auditTrail = auditTrail;
    this.settings = settings;
  }

  /** The request body of {@code POST /api/deletion-requests}. */
  record NewDeletion(String scope, List<String> requestIds) {}

  @Transactional
  DeletionView request(SigillUser user, NewDeletion form) {
    if (!user.hasRole(Role.ORG_ADMIN)) {
      throw new AccessDeniedException("Only org admins request deletion of the org's data");
    }
    if (form == null) {
      throw new InvalidRequestException("The deletion request is invalid: body is required");
    }
    DeletionScope scope = parse(form.scope());
    List<RetainedDocuments.ScopedDocument> documents = scope == DeletionScope.ORG
        ? scopes.ofOrg(user.orgId())
        : scopes.ofRequests(user.orgId(), form.requestIds());
    return start(user.orgId(), scope, user.userId(), documents, true);
  }

  /** Retention ended for a document: its deletion goes through the same process (approval per policy). */
  @Transactional
  String startForRetention(String orgId, String requestId, String documentId) {
    return start(orgId, DeletionScope.REQUESTS, Actor.SYSTEM,
        List.of(new RetainedDocuments.ScopedDocument(requestId, documentId)), settings.approvalRequired()).id();
  }

  @Transactional(readOnly = true)
  DeletionView get(SigillUser user, String id) {
    requireReader(user);
    DeletionRequest request =
        requests.findByIdAndOrgId(id, user.orgId()).orElseThrow(() -> new NotFoundException("No such deletion request"));
    return DeletionView.of(request, items.findByKeyDeletionIdOrderByKeyDocumentId(id));
  }

  @Transactional(readOnly = true)
  List<DeletionView> list(SigillUser user) {
    requireReader(user);
    return requests.findByOrgIdOrderByRequestedAtDesc(user.orgId()).stream()
        .map(r -> DeletionView.of(r, items.findByKeyDeletionIdOrderByKeyDocumentId(r.getId())))
        .toList();
  }

  /** Records the request and its documents and starts the data-deletion process. */
  DeletionView start(String orgId, DeletionScope scope, String requestedBy,
      List<RetainedDocuments.ScopedDocument> documents, boolean approvalRequired) {
    Instant now = LegalHolds.now();
    DeletionRequest request = new DeletionRequest(orgId, scope, requestedBy, now);
    Map<String, RetainedDocuments.ScopedDocument> unique = new LinkedHashMap<>();
    documents.forEach(d -> unique.putIfAbsent(d.documentId(), d));
    return start(request, unique.values().stream()
        .map(d -> new DeletionItem(request.getId(), d.documentId(), d.requestId(), now)).toList(), approvalRequired,
        Actor.user(requestedBy));
  }

  private DeletionView start(DeletionRequest unsaved, List<DeletionItem> unsavedItems, boolean approvalRequired,
      String auditActor) {
    DeletionRequest request = requests.save(unsaved);
    List<DeletionItem> saved = items.saveAll(unsavedItems);
    boolean confirmationRequired = request.getStatus() == DeletionStatus.PENDING_CONFIRMATION;
    auditTrail.record(AuditEventType.DELETION_REQUESTED, request.getId(), request.getOrgId(),
        Actor.SYSTEM.equals(request.getRequestedBy()) ? Actor.SYSTEM : auditActor,
        Map.of("scope", request.getScope().name(), "documents", saved.size()));
    // Escalate before the one-month deadline of GDPR Art. 12(3).
    Instant deadline = request.getRequestedAt().atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    Map<String, Object> variables = new HashMap<>();
    variables.put(DELETION_REQUEST_ID, request.getId());
    variables.put(REQUESTED_BY, request.getRequestedBy());
    variables.put(CONFIRMATION_REQUIRED, confirmationRequired);
    variables.put(APPROVAL_REQUIRED, approvalRequired);
    variables.put(DOCUMENT_COUNT, saved.size());
    variables.put(AFFECTED_DOCUMENTS, listing(saved));
    variables.put(ESCALATE_AT, Date.from(deadline.minusSeconds(settings.escalateDaysBeforeDeadline() * 86_400L)));
    runtimeService.startProcessInstanceByKey(DATA_DELETION_PROCESS, request.getId(), variables);
    return DeletionView.of(request, saved);
  }

  /**
   * A signer asks for deletion of their copies of completed requests and of their personal data.
   * One request per org that holds such copies, each confirmed through a link emailed to that
   * address before anyone acts on it. The answer never tells whether the address is known.
   */
  @Transactional
  void requestBySubject(String email) {
    String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    if (!Mailer.isValidAddress(address)) {
      throw new InvalidRequestException("The deletion request is invalid: email: must be one valid address");
    }
    Instant now = LegalHolds.now();
    Map<String, List<RetainedDocuments.SignerCopy>> byOrg = new LinkedHashMap<>();
    scopes.copiesOf(address).forEach(c -> byOrg.computeIfAbsent(c.orgId(), o -> new java.util.ArrayList<>()).add(c));
    byOrg.forEach((orgId, copies) -> {
      if (requests.existsByOrgIdAndSubjectEmailAndStatus(orgId, address, DeletionStatus.PENDING_CONFIRMATION)) {
        return; // asked again before confirming: the link already sent still works, no second mail
      }
      DeletionRequest request = DeletionRequest.bySubject(orgId, address, now);
      Map<String, DeletionItem> unique = new LinkedHashMap<>();
      copies.forEach(c -> unique.putIfAbsent(c.documentId() + "|" + c.signerId(),
          new DeletionItem(request.getId(), c.documentId(), c.requestId(), Parties.signer(c.signerId()), now)));
      start(request, List.copyOf(unique.values()), true, Actor.signer(copies.get(0).signerId()));
    });
  }

  /** The emailed link was followed and confirmed: the request goes on to approval. */
  @Transactional
  void confirm(String token) {
    Instant now = LegalHolds.now();
    DeletionRequest request = requests.findByConfirmationHash(DeletionConfirmations.hash(token))
        .filter(r -> r.confirmableAt(now))
        .orElseThrow(() -> new NotFoundException("This confirmation link is not valid or has expired"));
    request.confirmed();
    auditTrail.record(AuditEventType.DELETION_CONFIRMED, request.getId(), request.getOrgId(), DeletionRequest.DATA_SUBJECT,
        Map.of());
    runtimeService.createMessageCorrelation(DELETION_CONFIRMED)
        .processInstanceBusinessKey(request.getId())
        .correlate();
  }

  /** Whether a confirmation link is still good (to show the confirm button, or say why not). */
  @Transactional(readOnly = true)
  boolean confirmable(String token) {
    return requests.findByConfirmationHash(DeletionConfirmations.hash(token))
        .filter(r -> r.confirmableAt(LegalHolds.now())).isPresent();
  }

  /** Ids only, one line per document, cut to what a process variable holds. */
  private static String listing(List<DeletionItem> saved) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < saved.size(); i++) {
      DeletionItem item = saved.get(i);
      String line = (item.getRequestId() == null ? "-" : item.getRequestId()) + ": " + item.getDocumentId() + "\n";
      if (text.length() + line.length() > MAX_LISTING) {
        text.append("... and ").append(saved.size() - i).append(" more");
        break;
      }
      text.append(line);
    }
    return text.isEmpty() ? "(no documents)" : text.toString();
  }

  private static void requireReader(SigillUser user) {
    if (!user.hasAnyRole(Role.ORG_ADMIN, Role.COMPLIANCE)) {
      throw new AccessDeniedException("Only org admins and compliance see deletion requests");
    }
  }

  private static DeletionScope parse(String scope) {
    try {
      return DeletionScope.valueOf(scope == null ? "" : scope.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("The deletion request is invalid: scope: must be ORG or REQUESTS");
    }
  }
}
