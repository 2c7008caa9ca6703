package io.sigill.compliance;

import static io.sigill.compliance.IncidentProcessVariables.INCIDENT_ID;
import static io.sigill.compliance.IncidentProcessVariables.NOTIFICATION_DEADLINE;
import static io.sigill.compliance.IncidentProcessVariables.PROCESS_KEY;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.notification.Mailer;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reporting security incidents and looking them up: the entry to the security-incident process. */
@Component
public class IncidentReports {

  /** GDPR Art. 33: notify within 72 hours of becoming aware. */
  static final Duration NOTIFICATION_WINDOW = Duration.ofHours(72);
  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 5000;

  private final SecurityIncidentRepository incidents;
  private final RuntimeService runtimeService;
  private final AuditTrail auditTrail;

  IncidentReports(SecurityIncidentRepository incidents, RuntimeService runtimeService, AuditTrail auditTrail) {
    this.incidents = incidents;
    this.runtimeService = runtimeService;
    this.auditTrail = auditTrail;
  }

  /**
   * Stores the report and starts its process in one transaction: if either fails, neither exists.
   *
   * @param reportedByOrgId the reporter's org when signed in, null for a public report
   * @return the incident id
   */
  @Transactional
  public String report(String title, String description, String reporterEmail, String reportedByOrgId) {
    return report(title, description, reporterEmail, reportedByOrgId, null);
  }

  /**
   * As {@link #report(String, String, String, String)}, naming the signed-in reporter in the audit
   * trail; an anonymous reporter appears as {@code reporter:<incident id>}, never by email.
   */
  @Transactional
  public String report(String title, String description, String reporterEmail, String reportedByOrgId,
      String reportedByUserId) {
    List<String> problems = new ArrayList<>();
    String cleanTitle = title == null ? null : title.strip();
    String cleanEmail = reporterEmail == null ? null : reporterEmail.strip();
    if (cleanTitle == null || cleanTitle.isEmpty()) {
      problems.add("title: is required");
    } else if (cleanTitle.length() > MAX_TITLE) {
      problems.add("title: must be at most " + MAX_TITLE + " characters");
    } else if (cleanTitle.chars().anyMatch(Character::isISOControl)) {
      problems.add("title: must be one line without control characters");
    }
    if (description == null || description.isBlank()) {
      problems.add("description: is required");
    } else if (description.length() > MAX_DESCRIPTION) {
      problems.add("description: must be at most " + MAX_DESCRIPTION + " characters");
    }
    if (cleanEmail == null || cleanEmail.isEmpty()) {
      problems.add("reporterEmail: is required");
    } else if (!Mailer.isValidAddress(cleanEmail)) {
      problems.add("reporterEmail: must be one valid email address of at most 254 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("The incident report is invalid: " + String.join("; ", problems));
    }
    Instant reportedAt = engineNow();
    SecurityIncident incident =
        incidents.saveAndFlush(new SecurityIncident(reportedByOrgId, cleanTitle, description, cleanEmail, reportedAt));
    runtimeService.startProcessInstanceByKey(
        PROCESS_KEY,
        incident.getId(),
        Map.of(
            INCIDENT_ID, incident.getId(),
            NOTIFICATION_DEADLINE, reportedAt.plus(NOTIFICATION_WINDOW).toString()));
    String actor = reportedByUserId != null ? Actor.user(reportedByUserId) : "reporter:" + incident.getId();
    auditTrail.record(AuditEventType.INCIDENT_REPORTED, incident.getId(), reportedByOrgId, actor,
        Map.of("source", reportedByUserId != null ? "signed-in" : "public"));
    return incident.getId();
  }

  /**
   * The incident as the viewer may see it. Security sees every incident; compliance sees public
   * reports and those of its own org. Anything else answers "not found" so ids reveal nothing.
   */
  @Transactional(readOnly = true)
  public SecurityIncident find(String incidentId, SigillUser viewer) {
    if (!viewer.hasAnyRole(Role.SECURITY, Role.COMPLIANCE)) {
      throw new AccessDeniedException("Only security and compliance may read incidents");
    }
    return incidents
        .findById(incidentId)
        .filter(i -> viewer.hasRole(Role.SECURITY) || i.getOrgId() == null || i.getOrgId().equals(viewer.orgId()))
        .orElseThrow(() -> new NotFoundException("No incident with this id"));
  }

  /** The engine's clock, so stored times, the deadline timer and tests that move the clock agree. */
  static Instant engineNow() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
  }
}
