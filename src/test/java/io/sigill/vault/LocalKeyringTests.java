package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local keyring: created once, survives restarts, rotates without losing old keys. */
class LocalKeyringTests {

  @TempDir Path dir;

  @Test
  void isCreatedOwnerOnlyOnFirstStartAndReloadedAfterwards() throws Exception {
    Path file = dir.resolve("keys/keyring.properties");
    LocalKeyring first = new LocalKeyring(file);
    KeyProvider.DataKey key = first.newDataKey();

    assertThat(Files.exists(file)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    LocalKeyring restarted = new LocalKeyring(file);
    assertThat(restarted.unwrap(key.kekId(), key.wrapped())).isEqualTo(key.plaintext());
    assertThat(java.util.Arrays.equals(key.wrapped(), 12, 44, key.plaintext(), 0, 32)).isFalse();
  }

  @Test
  void rotationWrapsNewKeysUnderTheNewestAndOldKeysStillUnwrap() {
    LocalKeyring ring = new LocalKeyring(dir.resolve("keyring.properties"));
    KeyProvider.DataKey old = ring.newDataKey();
    String newest = ring.rotate();

    KeyProvider.DataKey fresh = ring.newDataKey();
    assertThat(fresh.kekId()).isEqualTo(newest).isNotEqualTo(old.kekId());
    assertThat(ring.unwrap(old.kekId(), old.wrapped())).isEqualTo(old.plaintext());

    KeyProvider.DataKey rewrapped = ring.rewrap(old.kekId(), old.wrapped());
    assertThat(rewrapped.kekId()).isEqualTo(newest);
    assertThat(new LocalKeyring(dir.resolve("keyring.properties")).unwrap(newest, rewrapped.wrapped()))
        .isEqualTo(old.plaintext());
  }

  @Test
  void aWrappedKeyDoesNotUnwrapUnderAnotherKeyIdOrWhenAltered() {
    LocalKeyring ring = new LocalKeyring(dir.resolve("keyring.properties"));
    KeyProvider.DataKey key = ring.newDataKey();
    ring.rotate();
    assertThatThrownBy(() -> ring.unwrap(ring.currentKekId(), key.wrapped())).isInstanceOf(IllegalStateException.class);
    byte[] altered = key.wrapped().clone();
    altered[20] ^= 1;
    assertThatThrownBy(() -> ring.unwrap(key.kekId(), altered)).isInstanceOf(IllegalStateException.class);
  }
}
