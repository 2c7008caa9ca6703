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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
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
  private final ManagementService managementService;
  private final AuditTrail auditTrail;
  private volatile String runningQuery;

  Retention(RetentionSettingRepository orgSettings, RetentionSettings settings, RuntimeService runtimeService,
      ManagementService managementService, AuditTrail auditTrail) {
    this.orgSettings = orgSettings;
    this.settings = settings;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
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
    // A native query: the engine's own process-instance query builds its SQL from dozens of
    // conditions on every call, which cost more than the rest of this step.
    boolean running = runtimeService.createNativeProcessInstanceQuery()
        .sql(runningQuery())
        .parameter("businessKey", requestId)
        .parameter("key", RETENTION_PROCESS)
        .parameter("variable", DOCUMENT_ID)
        .parameter("documentId", documentId)
        .count() > 0;
    if (running) {
      return;
    }
    runtimeService.startProcessInstanceByKey(RETENTION_PROCESS, requestId,
        Map.of(DOCUMENT_ID, documentId, ORG_ID, orgId));
  }

  /** The SQL of the check above, with the engine's table names (and prefix, if any); made once. */
  private String runningQuery() {
    String sql = runningQuery;
    if (sql == null) {
      sql = "SELECT COUNT(*) FROM " + table(ExecutionEntity.class) + " E"
          + " JOIN " + table(ProcessDefinitionEntity.class) + " D ON D.ID_ = E.PROC_DEF_ID_"
          + " JOIN " + table(VariableInstanceEntity.class) + " V ON V.EXECUTION_ID_ = E.ID_"
          + " WHERE E.ID_ = E.PROC_INST_ID_ AND E.BUSINESS_KEY_ = #{businessKey} AND D.KEY_ = #{key}"
          + " AND V.NAME_ = #{variable} AND V.TEXT_ = #{documentId}";
      runningQuery = sql;
    }
    return sql;
  }

  private String table(Class<?> entity) {
    return managementService.getTableName(entity);
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
