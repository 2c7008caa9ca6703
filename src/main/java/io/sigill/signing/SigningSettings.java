package io.sigill.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Defaults for new signature requests ({@code sigill.signing.*}). */
@ConfigurationProperties("sigill.signing")
record SigningSettings(@DefaultValue("30") int expiresInDays, @DefaultValue("3") int reminderEveryDays,
    @DefaultValue("false") boolean webhooksAllowPrivateHosts) {}
