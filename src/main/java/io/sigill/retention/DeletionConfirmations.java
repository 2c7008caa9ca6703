package io.sigill.retention;

import io.sigill.web.LinkTokens;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmation links of data subjects' deletion requests ({@link LinkTokens}), good for {@link #VALID_FOR}.
 */
@Component
class DeletionConfirmations {

  /** As long as the process waits for the confirmation (its timer in bpmn/data-deletion.bpmn). */
  static final Duration VALID_FOR = Duration.ofDays(7);

  private final DeletionRequestRepository requests;
  private final TransactionTemplate ownTransaction;

  DeletionConfirmations(DeletionRequestRepository requests, PlatformTransactionManager transactionManager) {
    this.requests = requests;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Issues the token and commits its hash at once, before the mail carrying it goes out: should
   * the step fail after the send, the emailed link still works (the retry then sends nothing).
   */
  String issue(String deletionId, Instant now) {
    String token = LinkTokens.generate();
    ownTransaction.executeWithoutResult(s -> requests.findById(deletionId).orElseThrow()
        .confirmationIssued(hash(token), now.plus(VALID_FOR)));
    return token;
  }

  static String hash(String token) {
    return LinkTokens.isWellFormed(token) ? LinkTokens.hash(token) : "-"; // "-" matches no stored hash
  }
}
