package io.sigill.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A request to delete an org's data or some of its requests; its items say what happened per document. */
@Entity
@Table(name = "deletion_request")
class DeletionRequest {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "org_id", nullable = false, length = 36)
  private String orgId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DeletionScope scope;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private DeletionStatus status;

  @Column(name = "requested_by", nullable = false, length = 64)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected DeletionRequest() {}

  DeletionRequest(String orgId, DeletionScope scope, String requestedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.orgId = orgId;
    this.scope = scope;
    this.status = DeletionStatus.PENDING_APPROVAL;
    this.requestedBy = requestedBy;
    this.requestedAt = now;
  }

  void decided(boolean approved, String by, Instant at) {
    status = approved ? DeletionStatus.IN_PROGRESS : DeletionStatus.REJECTED;
    decidedBy = by;
    decidedAt = at;
  }

  void finished(boolean anyDeferred, Instant at) {
    status = anyDeferred ? DeletionStatus.DEFERRED : DeletionStatus.COMPLETED;
    completedAt = at;
  }

  String getId() {
    return id;
  }

  String getOrgId() {
    return orgId;
  }

  DeletionScope getScope() {
    return scope;
  }

  DeletionStatus getStatus() {
    return status;
  }

  String getRequestedBy() {
    return requestedBy;
  }

  Instant getRequestedAt() {
    return requestedAt;
  }

  Instant getCompletedAt() {
    return completedAt;
  }
}
