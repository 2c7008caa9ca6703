package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DOCUMENT_COUNT;
import static io.sigill.retention.RetentionProcessVariables.LEGAL_HOLD_ID;
import static io.sigill.retention.RetentionProcessVariables.LEGAL_HOLD_PROCESS;
import static io.sigill.retention.RetentionProcessVariables.MATTER_ID;
import static io.sigill.retention.RetentionProcessVariables.RELEASE_REQUESTED;
import static io.sigill.retention.RetentionProcessVariables.REQUESTED_BY;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Legal holds: requested by legal, approved by a second person, applied to the vault, released the same way. */
@Component
public class LegalHolds {

  static final Set<LegalHoldStatus> LOCKING = EnumSet.of(LegalHoldStatus.ACTIVE, LegalHoldStatus.RELEASE_PENDING);

  private final LegalHoldRepository holds;
  private final DocumentScopes scopes;
  private final RuntimeService runtimeService;
  private final AuditTrail auditTrail;

  LegalHolds(LegalHoldRepository holds, DocumentScopes scopes, RuntimeService runtimeService, AuditTrail auditTrail) {
    this.holds = holds;
    this.scopes = scopes;
    this.runtimeService = runtimeService;
    this.auditTrail = auditTrail;
  }

  /** The request body of {@code POST /api/legal-holds}. */
  record NewLegalHold(String scope, List<String> requestIds, String signerEmail, String reason, String matterId) {}

  @Transactional
  LegalHoldView request(SigillUser user, NewLegalHold form) {
    requireLegal(user);
    if (form == null) {
      throw new InvalidRequestException("The legal hold is invalid: body is required");
    }
    HoldScope scope = parse(form.scope());
    String reason = text(form.reason(), "reason", 2000);
    String matterId = text(form.matterId(), "matterId", 100);
    List<RetainedDocuments.ScopedDocument> documents = switch (scope) {
      case REQUESTS -> scopes.ofRequests(user.orgId(), form.requestIds());
      case SIGNER_EMAIL -> scopes.ofSigner(user.orgId(), text(form.signerEmail(), "signerEmail", 320));
      case ORG -> scopes.ofOrg(user.orgId());
    };
    Set<LegalHold.Item> items = documents.stream()
        .map(d -> new LegalHold.Item(d.documentId(), d.requestId()))
        .collect(Collectors.toSet());
    LegalHold hold = holds.save(new LegalHold(user.orgId(), scope,
        scope == HoldScope.SIGNER_EMAIL ? form.signerEmail().strip() : null, reason, matterId, user.userId(), now(),
        items));
    auditTrail.record(AuditEventType.LEGAL_HOLD_REQUESTED, hold.getId(), user.orgId(), Actor.user(user.userId()),
        Map.of("scope", scope.name(), "matterId", matterId, "documents", items.size()));
    runtimeService.startProcessInstanceByKey(LEGAL_HOLD_PROCESS, hold.getId(), Map.of(
        LEGAL_HOLD_ID, hold.getId(), REQUESTED_BY, user.userId(), MATTER_ID, matterId, DOCUMENT_COUNT, items.size()));
    return LegalHoldView.of(hold);
  }

  @Transactional(readOnly = true)
  LegalHoldView get(SigillUser user, String id) {
    requireReader(user);
    return LegalHoldView.of(load(id, user.orgId()));
  }

  @Transactional(readOnly = true)
  List<LegalHoldView> list(SigillUser user, boolean activeOnly) {
    requireReader(user);
    List<LegalHold> found = activeOnly
        ? holds.findByOrgIdAndStatusInOrderByRequestedAtDesc(user.orgId(), LOCKING)
        : holds.findByOrgIdOrderByRequestedAtDesc(user.orgId());
    return found.stream().map(LegalHoldView::of).toList();
  }

  @Transactional
  LegalHoldView requestRelease(SigillUser user, String id, String reason) {
    requireLegal(user);
    LegalHold hold = load(id, user.orgId());
    if (hold.getStatus() != LegalHoldStatus.ACTIVE) {
      throw new RetentionConflictException("Only active legal holds can be released; this one is " + hold.getStatus());
    }
    hold.releaseRequested(user.userId(), text(reason, "reason", 2000));
    auditTrail.record(AuditEventType.LEGAL_HOLD_RELEASE_REQUESTED, hold.getId(), hold.getOrgId(),
        Actor.user(user.userId()), Map.of());
    runtimeService.createMessageCorrelation(RELEASE_REQUESTED)
        .processInstanceBusinessKey(hold.getId())
        .setVariable(REQUESTED_BY, user.userId())
        .correlate();
    return LegalHoldView.of(hold);
  }

  /** True while an approved hold covers the document. */
  @Transactional(readOnly = true)
  public boolean isHeld(String documentId) {
    return holds.countHolding(documentId, LOCKING) > 0;
  }

  private LegalHold load(String id, String orgId) {
    return holds.findByIdAndOrgId(id, orgId).orElseThrow(() -> new NotFoundException("No such legal hold"));
  }

  private static void requireLegal(SigillUser user) {
    if (!user.hasRole(Role.LEGAL)) {
      throw new AccessDeniedException("Only the legal role requests and releases legal holds");
    }
  }

  private static void requireReader(SigillUser user) {
    if (!user.hasAnyRole(Role.LEGAL, Role.COMPLIANCE)) {
      throw new AccessDeniedException("Only legal and compliance see legal holds");
    }
  }

  private static HoldScope parse(String scope) {
    try {
      return HoldScope.valueOf(scope == null ? "" : scope.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("The legal hold is invalid: scope: must be REQUESTS, SIGNER_EMAIL or ORG");
    }
  }

  static String text(String value, String name, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new InvalidRequestException("The request is invalid: " + name + ": must be 1 to " + max + " characters");
    }
    return value.strip();
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
