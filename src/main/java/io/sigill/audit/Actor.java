package io.sigill.audit;

/**
 * How an actor is written in the trail: a user id as is, {@code signer:<id>} for a signer acting
 * through a token, {@code system} for the service itself. Ids only, never emails or names.
 */
public final class Actor {

  public static final String SYSTEM = "system";
  static final String SIGNER_PREFIX = "signer:";

  private Actor() {}

  public static String user(String userId) {
    return userId;
  }

  public static String signer(String signerId) {
    return SIGNER_PREFIX + signerId;
  }

  /**
   * The subject whose key protects the actor's IP and user agent: {@code user:<id>} for users,
   * the actor itself for signers; {@code null} for the system, which has neither.
   */
  static String subjectOf(String actor) {
    if (actor == null || actor.isBlank() || SYSTEM.equals(actor)) {
      return null;
    }
    return actor.contains(":") ? actor : "user:" + actor;
  }
}
