package io.sigill.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in emailed links (signing links, deletion confirmations): 256 random bits written as
 * 43 URL-safe characters, handed out only inside the email and stored only as their SHA-256.
 */
public final class LinkTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;

  private LinkTokens() {}

  public static String generate() {
    byte[] raw = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** Whether the text has the form of a token (anything else is not looked up). */
  public static boolean isWellFormed(String token) {
    return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]{43}");
  }

  /** The hex SHA-256 under which a token is stored. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
