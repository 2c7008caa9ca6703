package io.sigill.compliance;

/** Where a security incident stands; follows the steps of the security-incident process. */
public enum IncidentStatus {
  REPORTED,
  TRIAGED,
  CONTAINED,
  NOTIFIED,
  CLOSED
}
