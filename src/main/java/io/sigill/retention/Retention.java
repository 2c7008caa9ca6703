package io.sigill.retention;

import static io.sigill.retention.RetentionProcessVariables.DOCUMENT_ID;
import static io.sigill.retention.RetentionProcessVariables.ORG_ID;
import static io.sigill.retention.RetentionProcessVariables.RETENTION_PROCESS;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.web.InvalidRequestException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Retention of sealed documents: the per-org period and the retention process started for each document. */
@Component
public class Retention {

  static final int MAX_YEARS = 100;

  private final RetentionSettingRepository orgSettings;
  private final RetentionSettings settings;
  private final RuntimeService runtimeService;
  private final AuditTrail auditTrail;

  Retention(RetentionSettingRepository orgSettings, RetentionSettings settings, RuntimeService runtimeService,
      AuditTrail auditTrail) {
    this.orgSettings = orgSettings;
    this.settings = settings;
    this.runtimeService = runtimeService;
    this.auditTrail = auditTrail;
  }

  /**
   * Starts retention for a sealed document of a signature request (the process's business key).
   * Called again for the same document it does nothing, so a retried step starts no second process.
   */
  @Transactional
  public void startFor(String requestId, String documentId, String orgId) {
    // Only this method starts retention, always with the request as business key: narrowing by it
    // lets the database use its business-key index instead of reading every retention variable.
    boolean running = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(RETENTION_PROCESS)
        .processInstanceBusinessKey(requestId)
        .variableValueEquals(DOCUMENT_ID, documentId)
        .count() > 0;
    if (running) {
      return;
    }
    runtimeService.startProcessInstanceByKey(RETENTION_PROCESS, requestId,
        Map.of(DOCUMENT_ID, documentId, ORG_ID, orgId));
  }

  @Transactional(readOnly = true)
  public int yearsFor(String orgId) {
    return orgSettings.findById(orgId).map(RetentionSetting::getYears).orElse(settings.defaultYears());
  }

  /** Applies to documents whose retention starts from now on; running periods keep their end date. */
  @Transactional
  int changeYears(SigillUser user, Integer years) {
    if (!user.hasRole(Role.ORG_ADMIN)) {
      throw new AccessDeniedException("Only org admins change the retention period");
    }
    if (years == null || years < 1 || years > MAX_YEARS) {
      throw new InvalidRequestException("The retention setting is invalid: years: must be 1 to " + MAX_YEARS);
    }
    RetentionSetting setting = orgSettings.findById(user.orgId()).orElseGet(() -> new RetentionSetting(user.orgId()));
    setting.change(years, user.userId(), LegalHolds.now());
    orgSettings.save(setting);
    auditTrail.record(AuditEventType.RETENTION_SETTING_CHANGED, "retention-setting:" + user.orgId(), user.orgId(),
        Actor.user(user.userId()), Map.of("years", years));
    return years;
  }
}
