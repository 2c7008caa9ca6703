package io.sigill.sealing;

import java.time.Instant;
import java.util.List;

/**
 * What verification found about an uploaded PDF. {@code reasons} says, in plain words, every check
 * that failed; it is empty only for an intact seal of a document this instance sealed.
 *
 * @param auditChainValid whether the transaction's audit chain verifies; null when not known
 */
public record SealCheck(
    boolean sealValid,
    boolean coversWholeDocument,
    String signedBy,
    Instant signedAt,
    boolean timestamped,
    String transactionId,
    boolean knownToSigill,
    Boolean auditChainValid,
    List<String> reasons) {

  public SealCheck {
    reasons = List.copyOf(reasons);
  }
}
