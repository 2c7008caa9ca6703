package io.sigill.retention;

/** Where a deletion request stands, as the API reports it. */
public enum DeletionStatus {
  PENDING_CONFIRMATION,
  PENDING_APPROVAL,
  IN_PROGRESS,
  DEFERRED,
  COMPLETED,
  REJECTED
}
