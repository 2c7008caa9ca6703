package io.sigill.retention;

/** Where a legal hold stands; only ACTIVE and RELEASE_PENDING keep documents locked. */
public enum LegalHoldStatus {
  PENDING_APPROVAL,
  ACTIVE,
  REJECTED,
  RELEASE_PENDING,
  RELEASED;

  boolean locks() {
    return this == ACTIVE || this == RELEASE_PENDING;
  }
}
