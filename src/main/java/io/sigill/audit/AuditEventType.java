package io.sigill.audit;

/**
 * Every kind of audit event, one closed list. Engine steps are recorded with the generic
 * {@code PROCESS_*}, {@code ACTIVITY_*}, {@code TASK_*} and {@code INCIDENT_*} types; features add
 * their domain types here (never free text), so a reader of a trail meets a known vocabulary.
 */
public enum AuditEventType {
  // Engine steps, recorded by the engine plugin for every process without code per process.
  PROCESS_STARTED,
  PROCESS_ENDED,
  ACTIVITY_STARTED,
  ACTIVITY_ENDED,
  TASK_CREATED,
  TASK_ASSIGNED,
  TASK_COMPLETED,
  INCIDENT_CREATED,
  INCIDENT_RESOLVED,

  // Signature requests and documents.
  REQUEST_CREATED,
  REQUEST_SENT,
  REQUEST_CANCELLED,
  REQUEST_EXPIRED,
  REQUEST_COMPLETED,
  DOCUMENT_UPLOADED,
  DOCUMENT_VIEWED,
  DOCUMENT_DOWNLOADED,
  DOCUMENT_SEALED,
  DOCUMENT_DELETED,
  DOCUMENT_ACCESS_REFUSED,
  DOCUMENT_INTEGRITY_FAILED,
  SIGNER_NOTIFIED,
  SIGNER_OPENED,
  SIGNER_SIGNED,
  SIGNER_DECLINED,

  // Retention, holds, deletion, incidents.
  LEGAL_HOLD_REQUESTED,
  LEGAL_HOLD_APPLIED,
  LEGAL_HOLD_RELEASED,
  LEGAL_HOLD_REJECTED,
  LEGAL_HOLD_RELEASE_REQUESTED,
  LEGAL_HOLD_RELEASE_REFUSED,
  RETENTION_STARTED,
  RETENTION_SETTING_CHANGED,
  DELETION_REQUESTED,
  DELETION_APPROVED,
  DELETION_REJECTED,
  DELETION_DEFERRED,
  DELETION_REFUSED,
  DELETION_ESCALATED,
  DELETION_COMPLETED,
  INCIDENT_REPORTED,
  SUBJECT_ERASED
}
