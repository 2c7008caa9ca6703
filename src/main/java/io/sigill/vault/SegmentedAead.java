package io.sigill.vault;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Streaming AES-256-GCM in authenticated segments, with constant memory (one segment buffered).
 *
 * <h2>Format (version 1)</h2>
 *
 * <pre>
 * header   = magic "SGV1" (4 bytes) | segment size S, big-endian int (4) | nonce prefix (7) | 0x00 (1)
 * segment* = AES-256-GCM(key, nonce_i, plaintext_i, aad_i) = ciphertext_i | tag (16)
 * nonce_i  = nonce prefix (7) | i as big-endian unsigned int (4) | last flag (1: 0x01 last, 0x00 not)
 * aad_i    = header (16) | associated data (document id and version, see {@link #associatedData})
 * </pre>
 *
 * Every segment but the last holds exactly S plaintext bytes; the last holds 1..S bytes, or 0 when
 * the whole plaintext is empty, so a stream always has at least one segment. The nonce prefix is
 * random per object and every object has its own data key, so a (key, nonce) pair never repeats.
 *
 * <p>Why each piece: the counter in the nonce makes reordered or duplicated segments fail; the last
 * flag makes a stream truncated at a segment boundary fail (its new final segment was sealed as
 * "not last"); the header in every segment's AAD authenticates the segment size and prefix; the
 * associated data binds the ciphertext to its document id and version, so swapping two objects'
 * bytes fails. A segment is released to the reader only after its tag verified, so no byte of an
 * altered segment is ever returned. Segments of 64 KiB keep the JDK's GCM intrinsics fast (one
 * {@code doFinal} over megabytes is slow) and the buffer small.
 */
final class SegmentedAead {

  static final int SEGMENT_SIZE = 64 * 1024;
  static final int HEADER_SIZE = 16;
  static final int TAG_SIZE = 16;
  static final int KEY_SIZE = 32;
  private static final int PREFIX_SIZE = 7;
  private static final byte[] MAGIC = {'S', 'G', 'V', '1'};
  private static final SecureRandom RANDOM = new SecureRandom();

  private SegmentedAead() {}

  /** The associated data of one stored object: ties its ciphertext to document id and version. */
  static byte[] associatedData(String documentId, int version) {
    return ("sigill-document:" + documentId + ":v" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] newNoncePrefix() {
    byte[] prefix = new byte[PREFIX_SIZE];
    RANDOM.nextBytes(prefix);
    return prefix;
  }

  /** The exact ciphertext length for a plaintext length: stores need it up front (S3 PUT). */
  static long ciphertextLength(long plaintextLength) {
    long segments = Math.max(1, (plaintextLength + SEGMENT_SIZE - 1) / SEGMENT_SIZE);
    return HEADER_SIZE + plaintextLength + segments * TAG_SIZE;
  }

  /**
   * Encrypts {@code plaintext} as it is read. Deterministic for a given key and prefix, so a retried
   * upload can open a fresh stream and send the same bytes.
   */
  static InputStream encrypting(byte[] key, byte[] noncePrefix, byte[] associatedData, InputStream plaintext) {
    return new Encrypting(key, noncePrefix, associatedData, plaintext);
  }

  /** Decrypts {@code ciphertext} as it is read; an altered, reordered or cut stream throws. */
  static InputStream decrypting(byte[] key, byte[] associatedData, InputStream ciphertext) {
    return new Decrypting(key, associatedData, ciphertext);
  }

  /** Thrown when a segment or the header does not authenticate. */
  static final class IntegrityException extends IOException {
    private static final long serialVersionUID = 1L;

    IntegrityException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static byte[] header(byte[] noncePrefix) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
    header.put(MAGIC).putInt(SEGMENT_SIZE).put(noncePrefix).put((byte) 0);
    return header.array();
  }

  private static byte[] aad(byte[] header, byte[] associatedData) {
    byte[] aad = Arrays.copyOf(header, header.length + associatedData.length);
    System.arraycopy(associatedData, 0, aad, header.length, associatedData.length);
    return aad;
  }

  private static GCMParameterSpec nonce(byte[] noncePrefix, long segment, boolean last) throws IOException {
    if (segment > 0xFFFFFFFFL) {
      throw new IOException("Stream too long for its nonce counter");
    }
    ByteBuffer nonce = ByteBuffer.allocate(12);
    nonce.put(noncePrefix).putInt((int) segment).put((byte) (last ? 1 : 0));
    return new GCMParameterSpec(TAG_SIZE * 8, nonce.array());
  }

  private static Cipher cipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is not available in this JVM", e);
    }
  }

  private static int readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n = in.read(buf, off + total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  /** Shared read() plumbing: subclasses fill {@code out} with the next released chunk. */
  private abstract static class SegmentStream extends FilterInputStream {
    protected final Cipher cipher = cipher();
    protected final SecretKeySpec key;
    protected byte[] out = new byte[0];
    protected int outPos;
    protected int outLen;
    protected long segment;
    protected boolean done;

    SegmentStream(byte[] key, InputStream in) {
      super(in);
      this.key = new SecretKeySpec(key, "AES");
    }

    /** Makes the next chunk available in out[0..outLen); sets done after the last one. */
    protected abstract void next() throws IOException;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (outPos == outLen) {
        if (done) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, outLen - outPos);
      System.arraycopy(out, outPos, b, off, n);
      outPos += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = 0;
      byte[] sink = new byte[8192];
      while (skipped < n) {
        int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    @Override
    public int available() {
      return outLen - outPos;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  private static final class Encrypting extends SegmentStream {
    private final byte[] header;
    private final byte[] noncePrefix;
    private final byte[] aadBytes;
    private final byte[] plain = new byte[SEGMENT_SIZE + 1];
    private boolean headerSent;
    private int carried; // bytes read ahead into plain[0..carried) for the next segment

    Encrypting(byte[] key, byte[] noncePrefix, byte[] associatedData, InputStream plaintext) {
      super(key, plaintext);
      this.noncePrefix = noncePrefix.clone();
      this.header = header(this.noncePrefix);
      this.aadBytes = aad(header, associatedData);
      this.out = new byte[SEGMENT_SIZE + TAG_SIZE];
    }

    @Override
    protected void next() throws IOException {
      if (!headerSent) {
        System.arraycopy(header, 0, out, 0, HEADER_SIZE);
        outPos = 0;
        outLen = HEADER_SIZE;
        headerSent = true;
        return;
      }
      // Read one byte beyond the segment: only then do we know whether this segment is the last.
      int filled = carried + readFully(in, plain, carried, SEGMENT_SIZE + 1 - carried);
      boolean last = filled <= SEGMENT_SIZE;
      int segmentLength = last ? filled : SEGMENT_SIZE;
      try {
        cipher.init(Cipher.ENCRYPT_MODE, key, nonce(noncePrefix, segment, last));
        cipher.updateAAD(aadBytes);
        outLen = cipher.doFinal(plain, 0, segmentLength, out, 0);
      } catch (GeneralSecurityException e) {
        throw new IOException("Encryption failed", e);
      }
      outPos = 0;
      segment++;
      if (last) {
        done = true;
        carried = 0;
      } else {
        plain[0] = plain[SEGMENT_SIZE];
        carried = 1;
      }
    }
  }

  private static final class Decrypting extends SegmentStream {
    private final byte[] associatedData;
    private final byte[] sealed = new byte[SEGMENT_SIZE + TAG_SIZE + 1];
    private byte[] noncePrefix;
    private byte[] aadBytes;
    private int carried;

    Decrypting(byte[] key, byte[] associatedData, InputStream ciphertext) {
      super(key, ciphertext);
      this.associatedData = associatedData.clone();
      this.out = new byte[SEGMENT_SIZE];
    }

    @Override
    protected void next() throws IOException {
      if (noncePrefix == null) {
        readHeader();
      }
      int want = SEGMENT_SIZE + TAG_SIZE + 1;
      int filled = carried + readFully(in, sealed, carried, want - carried);
      boolean last = filled < want;
      int segmentLength = last ? filled : SEGMENT_SIZE + TAG_SIZE;
      if (segmentLength < TAG_SIZE) {
        throw new IntegrityException("Document ciphertext is truncated", null);
      }
      try {
        cipher.init(Cipher.DECRYPT_MODE, key, nonce(noncePrefix, segment, last));
        cipher.updateAAD(aadBytes);
        outLen = cipher.doFinal(sealed, 0, segmentLength, out, 0);
      } catch (AEADBadTagException e) {
        throw new IntegrityException("Document segment " + segment + " failed authentication", e);
      } catch (GeneralSecurityException e) {
        throw new IOException("Decryption failed", e);
      }
      outPos = 0;
      segment++;
      if (last) {
        done = true;
      } else {
        sealed[0] = sealed[SEGMENT_SIZE + TAG_SIZE];
        carried = 1;
      }
    }

    private void readHeader() throws IOException {
      byte[] header = new byte[HEADER_SIZE];
      if (readFully(in, header, 0, HEADER_SIZE) < HEADER_SIZE) {
        throw new IntegrityException("Document ciphertext is truncated", new EOFException());
      }
      ByteBuffer b = ByteBuffer.wrap(header);
      byte[] magic = new byte[4];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC) || b.getInt() != SEGMENT_SIZE || header[HEADER_SIZE - 1] != 0) {
        throw new IntegrityException("Document ciphertext has an unknown header", null);
      }
      noncePrefix = Arrays.copyOfRange(header, 8, 8 + PREFIX_SIZE);
      aadBytes = aad(header, associatedData);
    }
  }
}
