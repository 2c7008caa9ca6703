package io.sigill.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Outgoing mail settings ({@code sigill.mail.*}); SMTP itself is {@code spring.mail.*}. */
@ConfigurationProperties("sigill.mail")
public record MailSettings(@DefaultValue("sigill@localhost") String from) {}
