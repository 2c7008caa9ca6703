package io.sigill.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints over all chains. The signed message is the UTF-8 text
 * {@code "sigill-audit-checkpoint-v1\n" + createdAtMs + "\n" + chainCount + "\n" + merkleRootHex}
 * (see {@link MerkleTree} for the root); signature Ed25519, public key X.509 DER, both Base64.
 */
@Component
class AuditCheckpoints {

  private final ChainStore chains;
  private final CheckpointKeys keys;
  private final AuditDatabase db;

  AuditCheckpoints(ChainStore chains, CheckpointKeys keys, AuditDatabase db) {
    this.chains = chains;
    this.keys = keys;
    this.db = db;
  }

  record Checkpoint(String id, String createdAt, long createdAtMs, long chains, String merkleRoot, String algorithm,
      String publicKey, String signature, String signedMessage) {}

  @Transactional
  Checkpoint create() {
    List<ChainHead> heads = chains.allHeads();
    long now = ClockUtil.getCurrentTime().getTime();
    String root = MerkleTree.root(heads);
    String message = message(now, heads.size(), root);
    KeyPair pair = keys.keyPair();
    String signature;
    try {
      Signature signer = Signature.getInstance(CheckpointKeys.ALGORITHM);
      signer.initSign(pair.getPrivate());
      signer.update(message.getBytes(StandardCharsets.UTF_8));
      signature = Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign the audit checkpoint", e);
    }
    String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    String id = UUID.randomUUID().toString();
    db.jdbc.update("INSERT INTO audit_checkpoint (id, created_at_ms, created_at, chain_count, merkle_root, algorithm, "
        + "public_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id, now, new Timestamp(now), heads.size(), root, CheckpointKeys.ALGORITHM, publicKey, signature);
    return new Checkpoint(id, Instant.ofEpochMilli(now).toString(), now, heads.size(), root, CheckpointKeys.ALGORITHM,
        publicKey, signature, message);
  }

  @Transactional(readOnly = true)
  List<Checkpoint> newest(int limit) {
    return db.jdbc.query("SELECT id, created_at_ms, chain_count, merkle_root, algorithm, public_key, signature "
            + "FROM audit_checkpoint ORDER BY created_at_ms DESC, id LIMIT " + Math.max(1, limit),
        (rs, i) -> {
          long at = rs.getLong(2);
          return new Checkpoint(rs.getString(1), Instant.ofEpochMilli(at).toString(), at, rs.getLong(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
              message(at, rs.getLong(3), rs.getString(4)));
        });
  }

  static String message(long createdAtMs, long chainCount, String merkleRoot) {
    return "sigill-audit-checkpoint-v1\n" + createdAtMs + "\n" + chainCount + "\n" + merkleRoot;
  }
}
