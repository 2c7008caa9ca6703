package io.sigill.signing;

/**
 * The variables of the signature-request process: ids and routing facts only. Never names,
 * emails, tokens, signatures or document bytes: the engine keeps every variable in plaintext history.
 */
final class SigningProcessVariables {

  static final String PROCESS_KEY = "signature-request";

  /** Id of the {@link SignatureRequest}; also the business key and audit transaction id. */
  static final String SIGNATURE_REQUEST_ID = "signatureRequestId";
  /** The org of the request; fixes the org of the audit chain. */
  static final String ORG_ID = "orgId";
  /** ISO-8601 instant; the timeDate of the interrupting expiry timer. */
  static final String EXPIRES_AT = "expiresAt";
  /** ISO-8601 repeating interval, e.g. {@code R/P3D}; the cycle of the reminder timer. */
  static final String REMINDER_CYCLE = "reminderCycle";
  /** Element variable of the sequential multi-instance: the signing order of the current group. */
  static final String SIGNING_GROUP = "signingGroup";
  /** Element variable of the parallel multi-instance: the signer of this branch. */
  static final String SIGNER_ID = "signerId";

  static final String MESSAGE_SIGNED = "SignerSigned";
  static final String MESSAGE_DECLINED = "SignerDeclined";
  static final String MESSAGE_REMIND = "SignerReminderRequested";
  static final String MESSAGE_CANCELLED = "SignatureRequestCancelled";

  private SigningProcessVariables() {}
}
