package io.sigill.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree over chain heads that a checkpoint signs, built as in RFC 6962 section 2.1.
 *
 * <ul>
 *   <li>Leaves: one per chain with at least one event, ordered by the UTF-8 bytes of the
 *       transaction id (unsigned, lexicographic). {@code leaf = SHA-256(0x00 || len || id || seq ||
 *       hash)} with {@code len} the 4-byte big-endian length of the UTF-8 id, {@code seq} the last
 *       sequence number as 8-byte big-endian, {@code hash} the 32 raw bytes of the head hash.
 *   <li>Nodes: {@code SHA-256(0x01 || left || right)}; a list of n &gt; 1 leaves splits at the
 *       largest power of two below n. The root of no leaves is {@code SHA-256("")}.
 * </ul>
 */
final class MerkleTree {

  private static final Comparator<byte[]> UTF8_ORDER = Arrays::compareUnsigned;

  private MerkleTree() {}

  static String root(List<ChainHead> heads) {
    List<byte[]> leaves = heads.stream()
        .sorted(Comparator.comparing(h -> h.transactionId().getBytes(StandardCharsets.UTF_8), UTF8_ORDER))
        .map(MerkleTree::leaf)
        .toList();
    return HexFormat.of().formatHex(leaves.isEmpty() ? EventHash.sha256().digest() : node(leaves));
  }

  static byte[] leaf(ChainHead head) {
    byte[] id = head.transactionId().getBytes(StandardCharsets.UTF_8);
    MessageDigest sha = EventHash.sha256();
    sha.update((byte) 0x00);
    sha.update(ByteBuffer.allocate(4).putInt(id.length).array());
    sha.update(id);
    sha.update(ByteBuffer.allocate(8).putLong(head.lastSeq()).array());
    sha.update(HexFormat.of().parseHex(head.lastHash()));
    return sha.digest();
  }

  private static byte[] node(List<byte[]> leaves) {
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    MessageDigest sha = EventHash.sha256();
    sha.update((byte) 0x01);
    sha.update(node(leaves.subList(0, k)));
    sha.update(node(leaves.subList(k, leaves.size())));
    return sha.digest();
  }
}
