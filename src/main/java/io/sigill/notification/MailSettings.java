package io.sigill.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail settings ({@code sigill.mail.*}); SMTP itself is {@code spring.mail.*}.
 * {@code devOutbox} opens {@code /dev/outbox} to every signed-in user while no SMTP host is set
 * (the embedded default, so a newcomer can play signer); the prod profile turns it off.
 */
@ConfigurationProperties("sigill.mail")
public record MailSettings(@DefaultValue("sigill@localhost") String from, @DefaultValue("true") boolean devOutbox) {}
