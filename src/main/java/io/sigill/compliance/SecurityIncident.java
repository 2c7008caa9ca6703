package io.sigill.compliance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reported security incident; its id is the business key of its security-incident process. */
@Entity
@Table(name = "security_incident")
public class SecurityIncident {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "org_id", length = 36)
  private String orgId;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 5000)
  private String description;

  @Column(name = "reporter_email", nullable = false, length = 254)
  private String reporterEmail;

  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private Severity severity;

  @Column(name = "personal_data_affected")
  private Boolean personalDataAffected;

  @Column(length = 4000)
  private String summary;

  @Column(name = "affected_orgs", length = 1000)
  private String affectedOrgs;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private IncidentStatus status;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected SecurityIncident() {}

  SecurityIncident(String orgId, String title, String description, String reporterEmail, Instant reportedAt) {
    this.id = UUID.randomUUID().toString();
    this.orgId = orgId;
    this.title = title;
    this.description = description;
    this.reporterEmail = reporterEmail;
    this.status = IncidentStatus.REPORTED;
    this.reportedAt = reportedAt;
  }

  void recordTriage(Severity severity, boolean personalDataAffected, String summary) {
    this.severity = severity;
    this.personalDataAffected = personalDataAffected;
    this.summary = summary;
    this.status = IncidentStatus.TRIAGED;
  }

  void recordContainment(String affectedOrgs) {
    this.affectedOrgs = affectedOrgs;
    this.status = IncidentStatus.CONTAINED;
  }

  void recordNotified(String affectedOrgs) {
    this.affectedOrgs = affectedOrgs;
    this.status = IncidentStatus.NOTIFIED;
  }

  void close(Instant when) {
    if (closedAt == null) {
      this.closedAt = when;
    }
    this.status = IncidentStatus.CLOSED;
  }

  public String getId() {
    return id;
  }

  public String getOrgId() {
    return orgId;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public String getReporterEmail() {
    return reporterEmail;
  }

  public Severity getSeverity() {
    return severity;
  }

  public Boolean getPersonalDataAffected() {
    return personalDataAffected;
  }

  public String getSummary() {
    return summary;
  }

  public String getAffectedOrgs() {
    return affectedOrgs;
  }

  public IncidentStatus getStatus() {
    return status;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
