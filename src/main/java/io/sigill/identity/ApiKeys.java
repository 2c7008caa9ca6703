package io.sigill.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import io.sigill.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks per-user API keys. A key is 256 random bits; only its SHA-256 is stored, so
 * a leaked table does not leak usable keys. A slow hash is not needed for keys of this entropy.
 */
@Component
public class ApiKeys {

  static final String KEY_PREFIX = "sgl_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeyRepository keys;
  private final Members members;

  ApiKeys(ApiKeyRepository keys, Members members) {
    this.keys = keys;
    this.members = members;
  }

  /** A created key: the secret is shown once and never stored. */
  public record IssuedKey(String id, String name, String prefix, String secret, Instant createdAt) {}

  /** A key as listed: no secret. */
  public record KeySummary(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {}

  @Transactional
  public IssuedKey issue(SigillUser owner, String name) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String prefix = secret.substring(0, 12);
    ApiKey key = keys.save(new ApiKey(owner.orgId(), owner.userId(), name, prefix, sha256(secret)));
    return new IssuedKey(key.getId(), key.getName(), prefix, secret, key.getCreatedAt());
  }

  @Transactional(readOnly = true)
  public List<KeySummary> listOwn(SigillUser owner) {
    return keys.findByUserIdOrderByCreatedAtDesc(owner.userId()).stream()
        .map(k -> new KeySummary(k.getId(), k.getName(), k.getPrefix(), k.getCreatedAt(), k.getLastUsedAt()))
        .toList();
  }

  /** Revokes one of the caller's own keys; any other id, including another org's, is not found. */
  @Transactional
  public void revokeOwn(SigillUser owner, String keyId) {
    ApiKey key =
        keys.findById(keyId)
            .filter(k -> k.getUserId().equals(owner.userId()) && k.getOrgId().equals(owner.orgId()))
            .orElseThrow(() -> new NotFoundException("No API key " + keyId));
    key.revoke(Instant.now());
  }

  /** The user a presented key belongs to, if the key is known and active. */
  @Transactional
  public Optional<SigillUser> authenticate(String presented) {
    if (presented == null || !presented.startsWith(KEY_PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    return keys.findBySecretHash(sha256(presented))
        .filter(ApiKey::isActive)
        .flatMap(
            key -> {
              key.markUsed(Instant.now());
              return members.load(key.getUserId()).filter(u -> u.orgId().equals(key.getOrgId()));
            });
  }

  static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
