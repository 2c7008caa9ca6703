package io.sigill.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention policy defaults: years kept when an org sets none, whether deletions started by
 * retention need a compliance approval, and how long before the one-month deadline to escalate.
 */
@ConfigurationProperties("sigill.retention")
record RetentionSettings(
    @DefaultValue("7") int defaultYears,
    @DefaultValue("true") boolean approvalRequired,
    @DefaultValue("7") int escalateDaysBeforeDeadline,
    @DefaultValue("5") int subjectRequestsPerMinute) {}
