package io.sigill.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An org's callback URL and signing secret for webhook events; the secret is kept sealed ({@link io.sigill.vault.SecretBox}). */
@Entity
@Table(name = "webhook_setting")
class WebhookSetting {

  @Id
  @Column(name = "org_id", length = 36)
  private String orgId;

  @Column(name = "callback_url", nullable = false, length = 1000)
  private String callbackUrl;

  // Sealed: wrapped data key and AES-GCM, opened only to key the HMAC of a delivery.
  @Column(nullable = false, length = 2000)
  private String secret;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WebhookSetting() {}

  WebhookSetting(String orgId, String callbackUrl, String secret, Instant updatedAt) {
    this.orgId = orgId;
    update(callbackUrl, secret, updatedAt);
  }

  void update(String callbackUrl, String secret, Instant updatedAt) {
    this.callbackUrl = callbackUrl;
    this.secret = secret;
    this.updatedAt = updatedAt;
  }

  String getOrgId() {
    return orgId;
  }

  String getCallbackUrl() {
    return callbackUrl;
  }

  String getSecret() {
    return secret;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}
