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
   * Issues a token and commits its hash at once, before the mail carrying it goes out: should the
   * step fail after the send, the emailed link still works (the retry then sends nothing).
   */
  String issue(String signerId, String requestId, Instant now) {
    String token = LinkTokens.generate();
    // A new row (its id is the hash): persisted, where save() would merge and select first.
    ownTransaction.executeWithoutResult(s -> entities.persist(new SignerToken(hash(token), signerId, requestId, now)));
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
