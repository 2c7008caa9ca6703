package io.sigill.signing;

import io.sigill.vault.SignerDocumentAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the vault which document a signer may read: their live request's original upload. */
@Component
class SignerAccess implements SignerDocumentAccess {

  private final SignerRepository signers;

  SignerAccess(SignerRepository signers) {
    this.signers = signers;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean mayRead(String signerId, String orgId, String documentId) {
    return signers.findById(signerId)
        .map(Signer::getRequest)
        .filter(r -> r.getOrgId().equals(orgId) && r.getDocumentId().equals(documentId) && r.isOpen())
        .isPresent();
  }
}
