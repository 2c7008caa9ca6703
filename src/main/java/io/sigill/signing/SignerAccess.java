package io.sigill.signing;

import io.sigill.vault.SignerDocumentAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the vault what a signer may read: their live request's original upload (as the sender's
 * invitee) and, once the request is completed and they have signed, their copy of the sealed PDF.
 */
@Component
class SignerAccess implements SignerDocumentAccess {

  private final SignerRepository signers;

  SignerAccess(SignerRepository signers) {
    this.signers = signers;
  }

  @Override
  @Transactional(readOnly = true)
  public Right rightTo(String signerId, String orgId, String documentId) {
    return signers.findById(signerId).filter(s -> s.getRequest().getOrgId().equals(orgId)).map(s -> {
      SignatureRequest r = s.getRequest();
      if (r.getDocumentId().equals(documentId) && r.isOpen()) {
        return Right.INVITED;
      }
      if (documentId.equals(r.getFinalDocumentId()) && r.getStatus() == SignatureRequestStatus.COMPLETED
          && s.getStatus() == SignerStatus.SIGNED) {
        return Right.OWN_COPY;
      }
      return Right.NONE;
    }).orElse(Right.NONE);
  }
}
