package io.sigill.vault;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * The {@code kms} key provider: AWS KMS generates and unwraps data keys; the KEK never leaves KMS.
 * Rotation is KMS's own (automatic key rotation keeps old backing keys); re-wrapping moves data
 * keys to another key id (ReEncrypt) without the plaintext ever reaching Sigill.
 */
final class KmsKeyProvider implements KeyProvider {

  private final KmsClient kms;
  private final String keyId;

  KmsKeyProvider(KmsClient kms, String keyId) {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalStateException("SIGILL_KMS_KEY_ID must name a KMS key when SIGILL_KEY_PROVIDER=kms");
    }
    this.kms = kms;
    this.keyId = keyId;
  }

  @Override
  public DataKey newDataKey() {
    GenerateDataKeyResponse r = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256));
    return new DataKey(r.plaintext().asByteArray(), r.keyId(), r.ciphertextBlob().asByteArray());
  }

  @Override
  public byte[] unwrap(String kekId, byte[] wrapped) {
    DecryptResponse r = kms.decrypt(b -> b.keyId(kekId).ciphertextBlob(SdkBytes.fromByteArray(wrapped)));
    return r.plaintext().asByteArray();
  }

  @Override
  public DataKey rewrap(String kekId, byte[] wrapped) {
    ReEncryptResponse r =
        kms.reEncrypt(
            b -> b.sourceKeyId(kekId).destinationKeyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped)));
    return new DataKey(null, r.keyId(), r.ciphertextBlob().asByteArray());
  }

  @Override
  public String currentKekId() {
    return keyId;
  }
}
