package io.sigill.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signer tokens: 256 random bits, URL-safe, handed out only inside an email and stored only as
 * their SHA-256. A token is bound to one signer of one request; whether it still works is the
 * signer's and the request's state (see {@link SignerActions}).
 */
@Component
class SignerTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;

  private final SignerTokenRepository tokens;
  private final TransactionTemplate ownTransaction;

  SignerTokens(SignerTokenRepository tokens, PlatformTransactionManager transactionManager) {
    this.tokens = tokens;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Issues a token and commits its hash at once, before the mail carrying it goes out: should the
   * step fail after the send, the emailed link still works (the retry then sends nothing).
   */
  String issue(String signerId, String requestId, Instant now) {
    byte[] raw = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    ownTransaction.executeWithoutResult(s -> tokens.save(new SignerToken(hash(token), signerId, requestId, now)));
    return token;
  }

  Optional<SignerToken> find(String token) {
    if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    return tokens.findById(hash(token));
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
