package io.sigill.retention;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A legal hold on a fixed set of documents, from request through approval to release. */
@Entity
@Table(name = "legal_hold")
class LegalHold {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "org_id", nullable = false, length = 36)
  private String orgId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private HoldScope scope;

  @Column(name = "signer_email", length = 320)
  private String signerEmail;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(name = "matter_id", nullable = false, length = 100)
  private String matterId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private LegalHoldStatus status;

  @Column(name = "requested_by", nullable = false, length = 64)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "release_reason", length = 2000)
  private String releaseReason;

  @Column(name = "release_requested_by", length = 64)
  private String releaseRequestedBy;

  @Column(name = "released_at")
  private Instant releasedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "legal_hold_item", joinColumns = @JoinColumn(name = "hold_id"))
  private Set<Item> items = new HashSet<>();

  protected LegalHold() {}

  LegalHold(String orgId, HoldScope scope, String signerEmail, String reason, String matterId, String requestedBy,
      Instant now, Set<Item> items) {
    this.id = UUID.randomUUID().toString();
    this.orgId = orgId;
    this.scope = scope;
    this.signerEmail = signerEmail;
    this.reason = reason;
    this.matterId = matterId;
    this.status = LegalHoldStatus.PENDING_APPROVAL;
    this.requestedBy = requestedBy;
    this.requestedAt = now;
    this.items = new HashSet<>(items);
  }

  /** A document covered by the hold. */
  @Embeddable
  record Item(@Column(name = "document_id", length = 36) String documentId,
      @Column(name = "request_id", length = 36) String requestId) {}

  void approve(String by, Instant at) {
    status = LegalHoldStatus.ACTIVE;
    decidedBy = by;
    decidedAt = at;
  }

  void reject(String by, Instant at) {
    status = LegalHoldStatus.REJECTED;
    decidedBy = by;
    decidedAt = at;
  }

  void releaseRequested(String by, String why) {
    status = LegalHoldStatus.RELEASE_PENDING;
    releaseRequestedBy = by;
    releaseReason = why;
  }

  void releaseRefused() {
    status = LegalHoldStatus.ACTIVE;
  }

  void released(Instant at) {
    status = LegalHoldStatus.RELEASED;
    releasedAt = at;
  }

  String getId() {
    return id;
  }

  String getOrgId() {
    return orgId;
  }

  HoldScope getScope() {
    return scope;
  }

  String getReason() {
    return reason;
  }

  String getMatterId() {
    return matterId;
  }

  LegalHoldStatus getStatus() {
    return status;
  }

  String getRequestedBy() {
    return requestedBy;
  }

  Instant getRequestedAt() {
    return requestedAt;
  }

  String getDecidedBy() {
    return decidedBy;
  }

  String getReleaseReason() {
    return releaseReason;
  }

  String getReleaseRequestedBy() {
    return releaseRequestedBy;
  }

  Set<Item> getItems() {
    return items;
  }
}
