package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

  @TempDir Path dir;

  @Test
  void sealsUnderAFreshDataKeyAndOpensOnlyForTheSamePurposeAndUnchanged() {
    SecretBox box = new SecretBox(new LocalKeyring(dir.resolve("keyring.properties")));
    String sealed = box.seal("whsec-0123456789abcdef", "webhook-secret:org-a");

    assertThat(SecretBox.isSealed(sealed)).isTrue();
    assertThat(sealed).doesNotContain("whsec");
    assertThat(box.seal("whsec-0123456789abcdef", "webhook-secret:org-a")).as("fresh key and IV").isNotEqualTo(sealed);
    assertThat(box.open(sealed, "webhook-secret:org-a")).isEqualTo("whsec-0123456789abcdef");
    assertThatThrownBy(() -> box.open(sealed, "webhook-secret:org-b")).isInstanceOf(IllegalStateException.class);
    char last = sealed.charAt(sealed.length() - 2);
    String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
    assertThatThrownBy(() -> box.open(altered, "webhook-secret:org-a")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> box.open("plain", "webhook-secret:org-a")).isInstanceOf(IllegalArgumentException.class);
  }
}
