package io.sigill.retention;

/** Names of the variables of the legal-hold, retention and data-deletion processes: ids and routing facts only. */
final class RetentionProcessVariables {

  static final String LEGAL_HOLD_PROCESS = "legal-hold";
  static final String RETENTION_PROCESS = "retention";
  static final String DATA_DELETION_PROCESS = "data-deletion";

  static final String RELEASE_REQUESTED = "LegalHoldReleaseRequested";
  static final String DOCUMENT_RELEASED = "DocumentReleased";
  static final String DELETION_DOCUMENTS_RELEASED = "DeletionDocumentsReleased";
  static final String DELETION_CONFIRMED = "DeletionConfirmed";

  static final String LEGAL_HOLD_ID = "legalHoldId";
  static final String DELETION_REQUEST_ID = "deletionRequestId";
  static final String DOCUMENT_ID = "documentId";
  static final String ORG_ID = "orgId";
  static final String MATTER_ID = "matterId";
  static final String DOCUMENT_COUNT = "documentCount";
  static final String AFFECTED_DOCUMENTS = "affectedDocuments";
  /** The user whose request the open approval is about; the four-eyes check keeps them off it. */
  static final String REQUESTED_BY = "requestedBy";
  /** Set by the four-eyes check when an approval is completed. */
  static final String DECIDED_BY = "decidedBy";
  static final String APPROVED = "approved";
  static final String COMMENT = "comment";
  static final String APPROVAL_REQUIRED = "approvalRequired";
  static final String CONFIRMATION_REQUIRED = "confirmationRequired";
  static final String ESCALATE_AT = "escalateAt";
  static final String RETAIN_UNTIL = "retainUntil";
  static final String UNDER_HOLD = "underHold";
  static final String ANY_DEFERRED = "anyDeferred";

  private RetentionProcessVariables() {}
}
