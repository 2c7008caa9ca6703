package io.sigill.compliance;

import java.time.Instant;

/** A security incident as the API shows it to security and compliance users. */
record IncidentView(
    String id,
    String orgId,
    String title,
    String description,
    String reporterEmail,
    Severity severity,
    Boolean personalDataAffected,
    String summary,
    String affectedOrgs,
    IncidentStatus status,
    Instant reportedAt,
    Instant closedAt) {

  static IncidentView of(SecurityIncident i) {
    return new IncidentView(i.getId(), i.getOrgId(), i.getTitle(), i.getDescription(), i.getReporterEmail(),
        i.getSeverity(), i.getPersonalDataAffected(), i.getSummary(), i.getAffectedOrgs(), i.getStatus(),
        i.getReportedAt(), i.getClosedAt());
  }
}
