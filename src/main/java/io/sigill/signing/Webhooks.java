package io.sigill.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.vault.SecretBox;
import io.sigill.web.InvalidRequestException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks: an org's callback setting, events recorded as deliveries in the transaction that
 * caused them, and each delivery POSTed by the webhook-delivery process, whose job retries with
 * backoff. Payloads carry ids and statuses only, no names or emails.
 */
@Component
class Webhooks {

  static final String PROCESS_KEY = "webhook-delivery";
  static final String DELIVERY_ID = "webhookDeliveryId";
  static final String HEADER = "Sigill-Signature";

  /** The events of a signature request, as named in payloads. */
  enum Event {
    SENT, VIEWED, SIGNED, DECLINED, COMPLETED, EXPIRED, CANCELED;

    String wireName() {
      return "signature_request_" + name().toLowerCase(Locale.ROOT);
    }
  }

  record CallbackSetting(String callbackUrl, String secret) {}

  record CallbackView(String callbackUrl, boolean secretSet, Instant updatedAt) {}

  record DeliveryView(String id, String event, WebhookDelivery.Status status, int attempts, Integer lastStatus,
      String lastError, Instant createdAt, Instant deliveredAt) {}

  private final WebhookSettingRepository settings;
  private final WebhookDeliveryRepository deliveries;
  private final RuntimeService runtimeService;
  private final ObjectMapper objectMapper;
  private final TransactionTemplate ownTransaction;
  private final boolean allowPrivateHosts;
  private final SecretBox secretBox;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  Webhooks(WebhookSettingRepository settings, WebhookDeliveryRepository deliveries, RuntimeService runtimeService,
      ObjectMapper objectMapper, PlatformTransactionManager transactionManager, SigningSettings signingSettings,
      SecretBox secretBox) {
    this.secretBox = secretBox;
    this.allowPrivateHosts = signingSettings.webhooksAllowPrivateHosts();
    this.settings = settings;
    this.deliveries = deliveries;
    this.runtimeService = runtimeService;
    this.objectMapper = objectMapper;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional
  CallbackView configure(SigillUser admin, CallbackSetting setting) {
    if (!admin.hasRole(Role.ORG_ADMIN)) {
      throw new AccessDeniedException("Only org admins set the callback URL");
    }
    String url = setting == null ? null : setting.callbackUrl();
    String secret = setting == null ? null : setting.secret();
    List<String> problems = new java.util.ArrayList<>();
    URI uri = null;
    try {
      uri = url == null ? null : new URI(url);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || url.length() > 1000 || uri.getUserInfo() != null) {
      problems.add("callbackUrl: must be an absolute http(s) URL of at most 1000 characters, without credentials");
    } else {
      CallbackHosts.refusal(uri, allowPrivateHosts).ifPresent(why -> problems.add("callbackUrl: " + why));
    }
    if (secret == null || secret.length() < 16 || secret.length() > 200 || secret.chars().anyMatch(Character::isISOControl)) {
      problems.add("secret: must be 16 to 200 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("The callback setting is invalid: " + String.join("; ", problems));
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    // Kept sealed at rest (data key under the vault's KEK), bound to the org.
    String sealed = secretBox.seal(secret, secretPurpose(admin.orgId()));
    WebhookSetting saved = settings.findById(admin.orgId())
        .map(s -> {
          s.update(url, sealed, now);
          return s;
        })
        .orElseGet(() -> settings.save(new WebhookSetting(admin.orgId(), url, sealed, now)));
    return new CallbackView(saved.getCallbackUrl(), true, saved.getUpdatedAt());
  }

  @Transactional(readOnly = true)
  CallbackView current(SigillUser admin) {
    if (!admin.hasRole(Role.ORG_ADMIN)) {
      throw new AccessDeniedException("Only org admins see the callback URL");
    }
    return settings.findById(admin.orgId())
        .map(s -> new CallbackView(s.getCallbackUrl(), true, s.getUpdatedAt()))
        .orElse(new CallbackView(null, false, null));
  }

  /** Records the event for delivery in the caller's transaction, when the org has a callback. */
  void emit(SignatureRequest request, Event event, String signerId) {
    if (settings.findById(request.getOrgId()).isEmpty()) {
      return;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String id = WebhookDelivery.newId();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("signatureRequestId", request.getId());
    data.put("status", request.getStatus().name());
    if (signerId != null) {
      data.put("signerId", signerId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("event", event.wireName());
    body.put("createdAt", now.toString());
    body.put("data", data);
    String payload;
    try {
      payload = objectMapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a webhook payload", e);
    }
    deliveries.save(new WebhookDelivery(id, request.getId(), request.getOrgId(), event.wireName(), payload, now));
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, request.getId(),
        Map.of(DELIVERY_ID, id, SigningProcessVariables.ORG_ID, request.getOrgId()));
  }

  /**
   * "Post event to callback URL": one attempt, recorded in its own transaction (so failed attempts
   * stay visible); a non-2xx answer or an I/O error fails the job, which the engine retries later.
   */
  void deliver(String deliveryId) {
    WebhookDelivery delivery = deliveries.findById(deliveryId).orElseThrow();
    if (delivery.getStatus() == WebhookDelivery.Status.DELIVERED) {
      return;
    }
    WebhookSetting setting = settings.findById(delivery.getOrgId()).orElse(null);
    if (setting == null) {
      record(deliveryId, null, "No callback URL is configured any more");
      return;
    }
    long t = ClockUtil.getCurrentTime().toInstant().getEpochSecond();
    Integer status = null;
    String error = CallbackHosts.refusal(URI.create(setting.getCallbackUrl()), allowPrivateHosts)
        .map(why -> "Refused, not sent: " + why).orElse(null);
    if (error == null) {
      try {
        HttpRequest post = HttpRequest.newBuilder(URI.create(setting.getCallbackUrl()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Sigill-Webhooks")
            .header(HEADER, signatureHeader(secretOf(setting), t, delivery.getPayload()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.getPayload(), StandardCharsets.UTF_8))
            .build();
        status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status < 200 || status >= 300) {
          error = "The callback answered HTTP " + status;
        }
      } catch (IOException e) {
        error = "The callback could not be reached: " + e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "Interrupted";
      }
    }
    record(deliveryId, status, error);
    if (error != null) {
      throw new IllegalStateException("Webhook delivery " + deliveryId + " failed: " + error);
    }
  }

  /** The org's signing secret in plain, for the HMAC only; settings stored before sealing are plain. */
  private String secretOf(WebhookSetting setting) {
    String stored = setting.getSecret();
    return SecretBox.isSealed(stored) ? secretBox.open(stored, secretPurpose(setting.getOrgId())) : stored;
  }

  private static String secretPurpose(String orgId) {
    return "webhook-secret:" + orgId;
  }

  private void record(String deliveryId, Integer status, String error) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    ownTransaction.executeWithoutResult(s ->
        deliveries.findById(deliveryId).orElseThrow().attempted(status, error, now));
  }

  @Transactional(readOnly = true)
  List<DeliveryView> deliveriesOf(String requestId) {
    return deliveries.findByRequestIdOrderByCreatedAt(requestId).stream()
        .map(d -> new DeliveryView(d.getId(), d.getEvent(), d.getStatus(), d.getAttempts(), d.getLastStatus(),
            d.getLastError(), d.getCreatedAt(), d.getDeliveredAt()))
        .toList();
  }

  /** {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}, as receivers verify it. */
  static String signatureHeader(String secret, long t, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
