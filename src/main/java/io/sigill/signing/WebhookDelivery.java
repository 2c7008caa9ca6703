package io.sigill.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event to POST to an org's callback URL, with what its attempts so far answered. */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

  /** Where a delivery stands. */
  enum Status {
    PENDING,
    DELIVERED
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "request_id", nullable = false, length = 36)
  private String requestId;

  @Column(name = "org_id", nullable = false, length = 36)
  private String orgId;

  @Column(nullable = false, length = 40)
  private String event;

  @Column(nullable = false, length = 4000)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected WebhookDelivery() {}

  WebhookDelivery(String id, String requestId, String orgId, String event, String payload, Instant createdAt) {
    this.id = id;
    this.requestId = requestId;
    this.orgId = orgId;
    this.event = event;
    this.payload = payload;
    this.status = Status.PENDING;
    this.createdAt = createdAt;
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  void attempted(Integer httpStatus, String error, Instant at) {
    attempts++;
    lastStatus = httpStatus;
    lastError = error == null ? null : (error.length() > 500 ? error.substring(0, 500) : error);
    if (httpStatus != null && httpStatus >= 200 && httpStatus < 300) {
      status = Status.DELIVERED;
      deliveredAt = at;
    }
  }

  String getId() {
    return id;
  }

  String getRequestId() {
    return requestId;
  }

  String getOrgId() {
    return orgId;
  }

  String getEvent() {
    return event;
  }

  String getPayload() {
    return payload;
  }

  Status getStatus() {
    return status;
  }

  int getAttempts() {
    return attempts;
  }

  Integer getLastStatus() {
    return lastStatus;
  }

  String getLastError() {
    return lastError;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getDeliveredAt() {
    return deliveredAt;
  }
}
