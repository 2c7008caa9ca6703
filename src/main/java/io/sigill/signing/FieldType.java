package io.sigill.signing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of field a sender places on a page for a signer. */
public enum FieldType {
  SIGNATURE,
  INITIALS,
  DATE_SIGNED,
  TEXT,
  CHECKBOX;

  /** The name used in JSON, e.g. {@code date_signed}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<FieldType> ofJsonName(String name) {
    return Arrays.stream(values()).filter(t -> t.jsonName().equals(name)).findFirst();
  }
}
