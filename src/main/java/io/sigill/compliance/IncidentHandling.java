package io.sigill.compliance;

import io.sigill.identity.Members;
import io.sigill.identity.Org;
import io.sigill.identity.OrgRepository;
import io.sigill.identity.Role;
import io.sigill.notification.Mailer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The automatic steps of the security-incident process; each safe to run again after a retry. */
@Component
class IncidentHandling {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final SecurityIncidentRepository incidents;
  private final Mailer mailer;
  private final OrgRepository orgs;
  private final Members members;
  private final String baseUrl;

  IncidentHandling(
      SecurityIncidentRepository incidents,
      Mailer mailer,
      OrgRepository orgs,
      Members members,
      @Value("${sigill.base-url}") String baseUrl) {
    this.incidents = incidents;
    this.mailer = mailer;
    this.orgs = orgs;
    this.members = members;
    this.baseUrl = baseUrl;
  }

  @Transactional
  void confirmReceipt(String incidentId) {
    SecurityIncident incident = load(incidentId);
    mailer.send(
        "incident-receipt:" + incidentId,
        incident.getReporterEmail(),
        "Sigill: we received your security incident report " + incidentId,
        """
        Thank you for reporting a security incident. Our security team will triage it.

        Incident id: %s
        Title: %s

        Please quote the incident id if you contact us about this report.
        """
            .formatted(incidentId, incident.getTitle()));
  }

  @Transactional
  void recordTriage(String incidentId, String severity, Boolean personalDataAffected, String summary) {
    if (personalDataAffected == null) {
      throw new IllegalArgumentException("Triage must state whether personal data is affected");
    }
    load(incidentId).recordTriage(Severity.ofFormValue(severity), personalDataAffected, limit(summary, 4000));
  }

  @Transactional
  void recordContainment(String incidentId, String affectedOrgs) {
    load(incidentId).recordContainment(String.join(",", slugs(affectedOrgs, false)));
  }

  /** Emails every org-admin of every affected org, once per incident, org and recipient. */
  @Transactional
  void notifyAffectedOrgs(String incidentId, String affectedOrgs) {
    SecurityIncident incident = load(incidentId);
    List<String> slugs = slugs(affectedOrgs, true);
    List<Org> targets = new ArrayList<>();
    for (String slug : slugs) {
      Org org = orgs.findBySlug(slug)
          .orElseThrow(() -> new IllegalArgumentException("No organisation with slug '" + slug + "'; correct the affected organisations"));
      targets.add(org);
    }
    for (Org org : targets) {
      List<String> admins = members.emailsOf(org.getId(), Role.ORG_ADMIN);
      if (admins.isEmpty()) {
        // Never skip a notification silently: the step fails and shows as an incident in Cockpit.
        throw new IllegalStateException("Organisation '" + org.getSlug() + "' has no org-admin with an email address");
      }
      for (String admin : admins) {
        mailer.send(
            "incident-notify:" + incidentId + ":" + org.getId() + ":" + sha256(admin.toLowerCase(Locale.ROOT)),
            admin,
            "Sigill security incident " + incidentId + " affects " + org.getName().replaceAll("[\\r\\n]", " "),
            notification(incident, org));
      }
    }
    incident.recordNotified(String.join(",", slugs));
  }

  @Transactional
  void close(String incidentId) {
    load(incidentId).close(IncidentReports.engineNow());
  }

  private String notification(SecurityIncident incident, Org org) {
    return """
        Sigill's security team has found that a security incident affected personal data of your
        organisation (%s).

        Incident id: %s
        Severity: %s
        Reported at: %s

        Summary:
        %s

        Security and compliance users can read the incident at %s/api/incidents/%s.
        We will tell you about further findings. Please quote the incident id in any reply.
        """
        .formatted(org.getName(), incident.getId(), incident.getSeverity(), incident.getReportedAt(),
            incident.getSummary() == null ? "(none yet)" : incident.getSummary(), baseUrl, incident.getId());
  }

  private SecurityIncident load(String incidentId) {
    if (incidentId == null) {
      throw new IllegalArgumentException("The process has no incidentId");
    }
    return incidents.findById(incidentId)
        .orElseThrow(() -> new IllegalStateException("No security incident " + incidentId));
  }

  /** Parses "acme, demo" into slugs; notification requires at least one. */
  static List<String> slugs(String affectedOrgs, boolean required) {
    Set<String> slugs = new LinkedHashSet<>();
    if (affectedOrgs != null) {
      for (String part : affectedOrgs.split(",")) {
        String slug = part.strip().toLowerCase(Locale.ROOT);
        if (slug.isEmpty()) {
          continue;
        }
        if (slug.length() > 64 || !SLUG.matcher(slug).matches()) {
          throw new IllegalArgumentException("Affected organisations must be org slugs separated by commas");
        }
        slugs.add(slug);
      }
    }
    if (required && slugs.isEmpty()) {
      throw new IllegalArgumentException("Personal data is affected but no affected organisation is named");
    }
    return List.copyOf(slugs);
  }

  private static String limit(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
