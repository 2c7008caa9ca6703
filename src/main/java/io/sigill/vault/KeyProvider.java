package io.sigill.vault;

/**
 * Wraps and unwraps per-object data keys under a key-encryption key (KEK). New data keys are
 * always wrapped under the newest KEK; older KEKs stay usable for unwrapping until re-wrapped.
 */
interface KeyProvider {

  /** A fresh 256-bit data key, in plaintext for immediate use and wrapped for storage. */
  DataKey newDataKey();

  /** The plaintext data key of a stored wrapped key; the caller wipes it after use. */
  byte[] unwrap(String kekId, byte[] wrapped);

  /** The same data key wrapped under the newest KEK (key rotation without touching content). */
  DataKey rewrap(String kekId, byte[] wrapped);

  /** The id of the KEK new data keys are wrapped under. */
  String currentKekId();

  /** A data key: {@code plaintext} is null when only the wrapped form is returned. */
  record DataKey(byte[] plaintext, String kekId, byte[] wrapped) {}
}
