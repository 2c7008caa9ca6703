package io.sigill.compliance;

import java.util.Locale;

/** How bad a security incident is, as set by security in triage. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Parses the triage form's value (low, medium, high, critical). */
  static Severity ofFormValue(String value) {
    if (value == null) {
      throw new IllegalArgumentException("Triage must set a severity (low, medium, high or critical)");
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown severity; use low, medium, high or critical", e);
    }
  }
}
