package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/** The kms key provider speaks the real KMS JSON API (through the AWS SDK) to a local stand-in. */
class KmsKeyProviderTests {

  private KmsStandIn kms;
  private KmsClient client;

  @BeforeEach
  void start() throws Exception {
    kms = new KmsStandIn();
    client = KmsClient.builder()
        .endpointOverride(kms.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    kms.close();
  }

  @Test
  void generatesA256BitDataKeyThatKmsUnwrapsAgain() {
    KmsKeyProvider provider = new KmsKeyProvider(client, "key-a");
    KeyProvider.DataKey key = provider.newDataKey();

    assertThat(key.plaintext()).hasSize(32);
    assertThat(key.kekId()).endsWith("key/key-a");
    assertThat(provider.unwrap(key.kekId(), key.wrapped())).isEqualTo(key.plaintext());
    assertThat(kms.operations).containsExactly("GenerateDataKey", "Decrypt");
  }

  @Test
  void rewrapMovesADataKeyToTheConfiguredKeyWithoutChangingIt() {
    KeyProvider.DataKey old = new KmsKeyProvider(client, "key-a").newDataKey();
    KmsKeyProvider rotated = new KmsKeyProvider(client, "key-b");

    KeyProvider.DataKey moved = rotated.rewrap(old.kekId(), old.wrapped());

    assertThat(moved.kekId()).endsWith("key/key-b");
    assertThat(rotated.unwrap(moved.kekId(), moved.wrapped())).isEqualTo(old.plaintext());
    assertThatThrownBy(() -> rotated.unwrap(moved.kekId(), old.wrapped())).isInstanceOf(KmsException.class);
  }

  @Test
  void refusesToStartWithoutAKeyId() {
    assertThatThrownBy(() -> new KmsKeyProvider(client, " "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SIGILL_KMS_KEY_ID");
  }
}
