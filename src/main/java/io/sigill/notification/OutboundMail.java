package io.sigill.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One outgoing mail, recorded once per dedupe key: sent over SMTP or captured in the outbox. */
@Entity
@Table(name = "outbound_mail")
class OutboundMail {

  /** What happened to the mail. */
  enum Status {
    SENT,
    CAPTURED
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "dedupe_key", nullable = false, length = 200, unique = true)
  private String dedupeKey;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = 10000)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OutboundMail() {}

  OutboundMail(String dedupeKey, String recipient, String subject, String body, Status status, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.dedupeKey = dedupeKey;
    this.recipient = recipient;
    this.subject = subject;
    this.body = body;
    this.status = status;
    this.createdAt = createdAt;
  }

  String getId() {
    return id;
  }

  String getDedupeKey() {
    return dedupeKey;
  }

  String getRecipient() {
    return recipient;
  }

  String getSubject() {
    return subject;
  }

  String getBody() {
    return body;
  }

  Status getStatus() {
    return status;
  }

  Instant getCreatedAt() {
    return createdAt;
  }
}
