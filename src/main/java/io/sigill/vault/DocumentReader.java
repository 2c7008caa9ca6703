package io.sigill.vault;

import io.sigill.identity.SigillUser;

/** Who asks for a document's bytes: a signed-in member of an org, or a signer through a token. */
public sealed interface DocumentReader {

  /** The actor as recorded in events. */
  String actor();

  /** A user of an org; may read their org's documents with role sender, org-admin or compliance. */
  record Member(SigillUser user) implements DocumentReader {
    @Override
    public String actor() {
      return user.userId();
    }
  }

  /**
   * A signer whose token the signing feature has already verified; whether they may read this
   * document is asked of {@link SignerDocumentAccess}.
   */
  record Signer(String signerId) implements DocumentReader {
    @Override
    public String actor() {
      return "signer:" + signerId;
    }
  }
}
