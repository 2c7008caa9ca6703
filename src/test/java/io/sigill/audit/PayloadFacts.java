package io.sigill.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads small facts out of stored payload JSON in tests. */
final class PayloadFacts {

  private static final Pattern ACTIVITY = Pattern.compile("\"activityId\":\"([^\"]+)\"");

  private PayloadFacts() {}

  static String activityOf(StoredEvent e) {
    Matcher m = ACTIVITY.matcher(e.payload());
    return m.find() ? m.group(1) : null;
  }
}
