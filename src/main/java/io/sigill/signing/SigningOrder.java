package io.sigill.signing;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collections of the two multi-instance subprocesses, looked up by id so that no list ever
 * becomes a process variable: {@code ${signingOrder.groups(signatureRequestId)}} and
 * {@code ${signingOrder.signers(signatureRequestId, signingGroup)}}.
 */
@Component("signingOrder")
public class SigningOrder {

  private final SignatureRequestRepository requests;
  private final SignerRepository signers;

  SigningOrder(SignatureRequestRepository requests, SignerRepository signers) {
    this.requests = requests;
    this.signers = signers;
  }

  /** The distinct signing orders of a request, ascending: one group each. */
  @Transactional(readOnly = true)
  public List<Integer> groups(String signatureRequestId) {
    // Asked again at the start of every group (the engine reads the collection per instance).
    List<Integer> groups = signers.signingOrdersOf(signatureRequestId);
    if (groups.isEmpty() && !requests.existsById(signatureRequestId)) {
      throw new NoSuchElementException("No signature request " + signatureRequestId);
    }
    return groups;
  }

  /** The ids of the signers of one group, who sign in parallel. */
  @Transactional(readOnly = true)
  public List<String> signers(String signatureRequestId, Integer signingGroup) {
    return signers.findByRequestIdAndSigningOrderOrderByPosition(signatureRequestId, signingGroup).stream()
        .map(Signer::getId)
        .toList();
  }
}
