package io.sigill.compliance;

/**
 * The variables of the security-incident process: ids and routing facts, plus the short texts the
 * Tasklist forms set. Never the reporter's email, names or the description: the engine keeps
 * every variable in plaintext history.
 */
final class IncidentProcessVariables {

  static final String PROCESS_KEY = "security-incident";

  /** Id of the {@link SecurityIncident}; also the business key. */
  static final String INCIDENT_ID = "incidentId";
  /** Set by the triage form: low, medium, high or critical. */
  static final String SEVERITY = "severity";
  /** Set by the triage form; routes to the notification branch. */
  static final String PERSONAL_DATA_AFFECTED = "personalDataAffected";
  /** ISO-8601 instant, reported at + 72 hours; the timeDate of the deadline timer. */
  static final String NOTIFICATION_DEADLINE = "notificationDeadline";
  /** Set by the triage form. */
  static final String SUMMARY = "summary";
  /** Set by the containment form. */
  static final String CONTAINMENT_NOTES = "containmentNotes";
  /** Set by the containment form (and corrected in the confirmation form): comma-separated org slugs. */
  static final String AFFECTED_ORGS = "affectedOrgs";
  /** Set by the escalation form: the late notification is being sent and the delay documented. */
  static final String ESCALATION_HANDLED = "escalationHandled";
  /** Set by the postmortem form. */
  static final String POSTMORTEM = "postmortem";

  private IncidentProcessVariables() {}
}
