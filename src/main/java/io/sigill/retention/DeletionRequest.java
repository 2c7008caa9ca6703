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

  /** A data subject's address, kept only while their request runs (confirmation link, certificate). */
  @Column(name = "subject_email", length = 254)
  private String subjectEmail;

  @Column(name = "confirmation_hash", length = 64)
  private String confirmationHash;

  @Column(name = "confirm_by")
  private Instant confirmBy;

  protected DeletionRequest() {}

  DeletionRequest(String orgId, DeletionScope scope, String requestedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.orgId = orgId;
    this.scope = scope;
    this.status = DeletionStatus.PENDING_APPROVAL;
    this.requestedBy = requestedBy;
    this.requestedAt = now;
  }

  /** A data subject's request: waits for the emailed link to be confirmed. */
  static DeletionRequest bySubject(String orgId, String subjectEmail, Instant now) {
    DeletionRequest request = new DeletionRequest(orgId, DeletionScope.SIGNER, DATA_SUBJECT, now);
    request.status = DeletionStatus.PENDING_CONFIRMATION;
    request.subjectEmail = subjectEmail;
    return request;
  }

  /** The actor recorded for requests of data subjects, who have no account. */
  static final String DATA_SUBJECT = "data-subject";

  void confirmationIssued(String hash, Instant until) {
    confirmationHash = hash;
    confirmBy = until;
  }

  boolean confirmableAt(Instant now) {
    return status == DeletionStatus.PENDING_CONFIRMATION && confirmBy != null && now.isBefore(confirmBy);
  }

  void confirmed() {
    status = DeletionStatus.PENDING_APPROVAL;
    confirmationHash = null;
  }

  /** Never confirmed: ends as rejected, and the address is forgotten. */
  void lapsed(Instant at) {
    status = DeletionStatus.REJECTED;
    completedAt = at;
    forgetSubject();
  }

  void forgetSubject() {
    subjectEmail = null;
    confirmationHash = null;
  }

  String getSubjectEmail() {
    return subjectEmail;
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
