package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The segment format: round trips at every boundary; any change to the ciphertext is caught. */
class SegmentedAeadTests {

  private static final int S = SegmentedAead.SEGMENT_SIZE;
  private final SecureRandom random = new SecureRandom();
  private final byte[] key = randomBytes(32);
  private final byte[] aad = SegmentedAead.associatedData("doc-1", 1);

  @ParameterizedTest
  @ValueSource(ints = {0, 1, S - 1, S, S + 1, 2 * S, 3 * S + 17})
  void roundTripsEveryLengthAndPredictsTheCiphertextLength(int length) throws IOException {
    byte[] plain = randomBytes(length);
    byte[] sealed = encrypt(plain);
    assertThat(sealed.length).isEqualTo(SegmentedAead.ciphertextLength(length));
    assertThat(decrypt(sealed, aad)).isEqualTo(plain);
  }

  @Test
  void aFlippedBitInAnySegmentFailsBeforeThatSegmentIsReleased() throws IOException {
    byte[] plain = randomBytes(3 * S);
    byte[] sealed = encrypt(plain);
    int secondSegment = SegmentedAead.HEADER_SIZE + (S + SegmentedAead.TAG_SIZE) + 10;
    sealed[secondSegment] ^= 1;
    ByteArrayOutputStream released = new ByteArrayOutputStream();
    assertThatThrownBy(() -> copy(SegmentedAead.decrypting(key, aad, new ByteArrayInputStream(sealed)), released))
        .isInstanceOf(SegmentedAead.IntegrityException.class);
    // Only the first, intact segment came out; nothing of the altered one.
    assertThat(released.size()).isEqualTo(S);
    assertThat(released.toByteArray()).isEqualTo(Arrays.copyOf(plain, S));
  }

  @Test
  void aStreamThatFailedOnceReleasesNothingMore() throws IOException {
    byte[] plain = randomBytes(3 * S);
    byte[] sealed = encrypt(plain);
    sealed[SegmentedAead.HEADER_SIZE + 10] ^= 1; // the first segment
    InputStream in = SegmentedAead.decrypting(key, aad, new ByteArrayInputStream(sealed));
    byte[] buf = new byte[S];
    assertThatThrownBy(() -> in.read(buf)).isInstanceOf(SegmentedAead.IntegrityException.class);
    assertThatThrownBy(() -> in.read(buf)).isInstanceOf(SegmentedAead.IntegrityException.class);
    assertThatThrownBy(in::readAllBytes).isInstanceOf(SegmentedAead.IntegrityException.class);
  }

  @Test
  void truncationAtASegmentBoundaryFails() throws IOException {
    byte[] sealed = encrypt(randomBytes(3 * S));
    byte[] cut = Arrays.copyOf(sealed, SegmentedAead.HEADER_SIZE + 2 * (S + SegmentedAead.TAG_SIZE));
    assertThatThrownBy(() -> decrypt(cut, aad)).isInstanceOf(SegmentedAead.IntegrityException.class);
  }

  @Test
  void truncationInsideASegmentAndABareHeaderFail() throws IOException {
    byte[] sealed = encrypt(randomBytes(S + 100));
    assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, sealed.length - 1), aad))
        .isInstanceOf(SegmentedAead.IntegrityException.class);
    assertThatThrownBy(() -> decrypt(Arrays.copyOf(sealed, SegmentedAead.HEADER_SIZE), aad))
        .isInstanceOf(SegmentedAead.IntegrityException.class);
    assertThatThrownBy(() -> decrypt(new byte[0], aad)).isInstanceOf(SegmentedAead.IntegrityException.class);
  }

  @Test
  void reorderedSegmentsFail() throws IOException {
    byte[] sealed = encrypt(randomBytes(3 * S));
    int h = SegmentedAead.HEADER_SIZE;
    int seg = S + SegmentedAead.TAG_SIZE;
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, h, swapped, h + seg, seg);
    System.arraycopy(sealed, h + seg, swapped, h, seg);
    assertThatThrownBy(() -> decrypt(swapped, aad)).isInstanceOf(SegmentedAead.IntegrityException.class);
  }

  @Test
  void ciphertextOfAnotherDocumentOrVersionDoesNotDecrypt() throws IOException {
    byte[] sealed = encrypt(randomBytes(1000));
    assertThatThrownBy(() -> decrypt(sealed, SegmentedAead.associatedData("doc-2", 1)))
        .isInstanceOf(SegmentedAead.IntegrityException.class);
    assertThatThrownBy(() -> decrypt(sealed, SegmentedAead.associatedData("doc-1", 2)))
        .isInstanceOf(SegmentedAead.IntegrityException.class);
  }

  @Test
  void anAlteredHeaderFails() throws IOException {
    byte[] sealed = encrypt(randomBytes(1000));
    sealed[10] ^= 1; // inside the nonce prefix
    assertThatThrownBy(() -> decrypt(sealed, aad)).isInstanceOf(SegmentedAead.IntegrityException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, SegmentedAead.LEGACY_SEGMENT_SIZE, 3 * SegmentedAead.LEGACY_SEGMENT_SIZE + 17})
  void objectsWrittenWithTheFormerSixteenKibSegmentsStillDecrypt(int length) throws IOException {
    byte[] plain = randomBytes(length);
    byte[] sealed = SegmentedAead.encrypting(key, SegmentedAead.newNoncePrefix(), aad, new ByteArrayInputStream(plain),
        SegmentedAead.LEGACY_SEGMENT_SIZE).readAllBytes();
    assertThat(java.nio.ByteBuffer.wrap(sealed, 4, 4).getInt()).isEqualTo(16 * 1024);
    assertThat(decrypt(sealed, aad)).isEqualTo(plain);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> decrypt(sealed, aad)).isInstanceOf(SegmentedAead.IntegrityException.class);
  }

  @Test
  void aSegmentSizeOtherThanTheKnownOnesIsRefused() throws IOException {
    byte[] sealed = SegmentedAead.encrypting(key, SegmentedAead.newNoncePrefix(), aad,
        new ByteArrayInputStream(randomBytes(100)), 32 * 1024).readAllBytes();
    assertThatThrownBy(() -> decrypt(sealed, aad)).isInstanceOf(SegmentedAead.IntegrityException.class)
        .hasMessageContaining("header");
  }

  @Test
  void aChecksumOtherThanRecordedWithholdsTheLastSegment() throws Exception {
    byte[] plain = randomBytes(3 * S + 17);
    byte[] sealed = encrypt(plain);
    byte[] wrongSha = sha256(plain);
    wrongSha[0] ^= 1;
    ByteArrayOutputStream released = new ByteArrayOutputStream();
    assertThatThrownBy(() -> copy(SegmentedAead.decrypting(key, aad, new ByteArrayInputStream(sealed),
        new SegmentedAead.Expected(plain.length, wrongSha)), released))
        .isInstanceOf(SegmentedAead.IntegrityException.class).hasMessageContaining("Checksum");
    assertThat(released.toByteArray()).isEqualTo(Arrays.copyOf(plain, 3 * S)); // not one byte of the last segment

    try (InputStream in = SegmentedAead.decrypting(key, aad, new ByteArrayInputStream(sealed),
        new SegmentedAead.Expected(plain.length, sha256(plain)))) {
      assertThat(in.readAllBytes()).isEqualTo(plain);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {-20, -1, 1, S})
  void aLengthOtherThanRecordedFailsBeforeTheSegmentThatShowsIt(int difference) throws Exception {
    byte[] plain = randomBytes(3 * S + 17);
    byte[] sealed = encrypt(plain);
    ByteArrayOutputStream released = new ByteArrayOutputStream();
    assertThatThrownBy(() -> copy(SegmentedAead.decrypting(key, aad, new ByteArrayInputStream(sealed),
        new SegmentedAead.Expected(plain.length + difference, null)), released))
        .isInstanceOf(SegmentedAead.IntegrityException.class).hasMessageContaining("length");
    assertThat(released.size()).isLessThan(plain.length);
  }

  @Test
  void primingAuthenticatesTheHeaderAndFirstSegmentBeforeAnyRead() throws IOException {
    byte[] sealed = encrypt(randomBytes(3 * S));
    SegmentedAead.DecryptingStream other =
        SegmentedAead.decrypting(key, SegmentedAead.associatedData("doc-2", 1), new ByteArrayInputStream(sealed));
    assertThatThrownBy(other::prime).isInstanceOf(SegmentedAead.IntegrityException.class);
    SegmentedAead.DecryptingStream own = SegmentedAead.decrypting(key, aad, new ByteArrayInputStream(sealed));
    own.prime();
    assertThat(own.available()).isEqualTo(S);
  }

  @Test
  void transferToWritesTheSameBytesAsRead() throws IOException {
    byte[] plain = randomBytes(2 * S + 5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = SegmentedAead.decrypting(key, aad, new ByteArrayInputStream(encrypt(plain))).transferTo(out);
    assertThat(n).isEqualTo(plain.length);
    assertThat(out.toByteArray()).isEqualTo(plain);
  }

  @Test
  void theSameKeyAndPrefixGiveTheSameBytesSoUploadsCanBeRetried() throws IOException {
    byte[] plain = randomBytes(S + 5);
    byte[] prefix = SegmentedAead.newNoncePrefix();
    byte[] a = SegmentedAead.encrypting(key, prefix, aad, new ByteArrayInputStream(plain)).readAllBytes();
    byte[] b = SegmentedAead.encrypting(key, prefix, aad, new ByteArrayInputStream(plain)).readAllBytes();
    assertThat(a).isEqualTo(b);
  }

  private byte[] encrypt(byte[] plain) throws IOException {
    return SegmentedAead.encrypting(key, SegmentedAead.newNoncePrefix(), aad, new ByteArrayInputStream(plain))
        .readAllBytes();
  }

  private byte[] decrypt(byte[] sealed, byte[] associatedData) throws IOException {
    return SegmentedAead.decrypting(key, associatedData, new ByteArrayInputStream(sealed)).readAllBytes();
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) throws IOException {
    byte[] buf = new byte[1000];
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
    }
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
