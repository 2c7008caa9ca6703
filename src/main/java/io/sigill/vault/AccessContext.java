package io.sigill.vault;

/** Where a request came from, for the audit trail. The user agent is cut to a sane length. */
public record AccessContext(String ip, String userAgent) {

  private static final int MAX_USER_AGENT = 512;

  public AccessContext {
    if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
      userAgent = userAgent.substring(0, MAX_USER_AGENT);
    }
  }

  /** For work the system does itself (a process step), not on behalf of a web request. */
  public static AccessContext system() {
    return new AccessContext(null, "sigill");
  }
}
