package io.sigill.compliance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of incident reporting ({@code sigill.incidents.*}). */
@ConfigurationProperties("sigill.incidents")
public record IncidentSettings(@DefaultValue("10") int reportsPerMinute) {}
