package io.sigill.vault;

/**
 * Who can own a share of a document (promise P4): the org that stored it, and each signer of a
 * completed request, who keeps a copy. Written {@code org:<org id>} and {@code signer:<signer id>}.
 */
public final class Parties {

  private Parties() {}

  public static String org(String orgId) {
    return "org:" + orgId;
  }

  public static String signer(String signerId) {
    return "signer:" + signerId;
  }
}
