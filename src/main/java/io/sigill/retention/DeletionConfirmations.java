package io.sigill.retention;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmation links of data subjects' deletion requests: 256 random bits, URL-safe, handed out
 * only inside the email and stored only as their SHA-256, good for {@link #VALID_FOR}.
 */
@Component
class DeletionConfirmations {

  /** As long as the process waits for the confirmation (its timer in bpmn/data-deletion.bpmn). */
  static final Duration VALID_FOR = Duration.ofDays(7);

  private static final SecureRandom RANDOM = new SecureRandom();

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
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    ownTransaction.executeWithoutResult(s -> requests.findById(deletionId).orElseThrow()
        .confirmationIssued(hash(token), now.plus(VALID_FOR)));
    return token;
  }

  static String hash(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return "-"; // matches no stored hash
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
