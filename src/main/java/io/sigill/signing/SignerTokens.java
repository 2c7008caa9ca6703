package io.sigill.signing;

import io.sigill.web.LinkTokens;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signer tokens ({@link LinkTokens}): handed out only inside an email and stored only as their
 * SHA-256. A token is bound to one signer of one request; whether it still works is the
 * signer's and the request's state (see {@link SignerActions}).
 */
@Component
class SignerTokens {

  private final SignerTokenRepository tokens;
  private final EntityManager entities;
  private final TransactionTemplate ownTransaction;

  SignerTokens(SignerTokenRepository tokens, EntityManager entities, PlatformTransactionManager transactionManager) {
    this.tokens = tokens;
    this.entities = entities;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Issues a token. When the mail carrying it leaves before the step commits, its hash is committed
   * at once, first: should the step fail after the send, the emailed link still works (the retry
   * then sends nothing). Otherwise it commits with the step, as the mail does.
   */
  String issue(String signerId, String requestId, Instant now, boolean mailLeavesBeforeCommit) {
    String token = LinkTokens.generate();
    // A new row (its id is the hash): persisted, where save() would merge and select first.
    SignerToken row = new SignerToken(hash(token), signerId, requestId, now);
    if (mailLeavesBeforeCommit) {
      ownTransaction.executeWithoutResult(s -> entities.persist(row));
    } else {
      entities.persist(row);
    }
    return token;
  }

  Optional<SignerToken> find(String token) {
    if (!LinkTokens.isWellFormed(token)) {
      return Optional.empty();
    }
    return tokens.findById(hash(token));
  }

  static String hash(String token) {
    return LinkTokens.hash(token);
  }
}
