package io.sigill.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person asked to sign: no account, acts through emailed tokens bound to this row. */
@Entity
@Table(name = "signature_signer")
class Signer {

  @Id
  @Column(length = 36)
  private String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "request_id", nullable = false)
  private SignatureRequest request;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "signing_order", nullable = false)
  private int signingOrder;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SignerStatus status;

  @Column(name = "notified_at")
  private Instant notifiedAt;

  @Column(name = "viewed_at")
  private Instant viewedAt;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "declined_at")
  private Instant declinedAt;

  @Column(name = "decline_reason", length = 1000)
  private String declineReason;

  @Column(name = "consent_at")
  private Instant consentAt;

  @Column(name = "signature_type", length = 8)
  private String signatureType;

  @Lob
  // Longer than MEDIUMTEXT, so Hibernate expects the LONGTEXT of the MySQL migration (CLOB on H2).
  @Column(name = "signature_value", length = 100_000_000)
  private String signatureValue;

  protected Signer() {}

  Signer(SignatureRequest request, int position, String name, String email, int signingOrder) {
    this.id = UUID.randomUUID().toString();
    this.request = request;
    this.position = position;
    this.name = name;
    this.email = email;
    this.signingOrder = signingOrder;
    this.status = SignerStatus.WAITING;
  }

  void notified(Instant at) {
    if (status == SignerStatus.WAITING) {
      status = SignerStatus.NOTIFIED;
      notifiedAt = at;
    }
  }

  /** True the first time the signer opens their link. */
  boolean viewed(Instant at) {
    if (status == SignerStatus.WAITING || status == SignerStatus.NOTIFIED) {
      status = SignerStatus.VIEWED;
      viewedAt = at;
      return true;
    }
    return false;
  }

  void signed(Instant at, String type, String value) {
    status = SignerStatus.SIGNED;
    consentAt = at;
    signedAt = at;
    signatureType = type;
    signatureValue = value;
  }

  void declined(Instant at, String reason) {
    status = SignerStatus.DECLINED;
    declinedAt = at;
    declineReason = reason;
  }

  String getId() {
    return id;
  }

  SignatureRequest getRequest() {
    return request;
  }

  int getPosition() {
    return position;
  }

  String getName() {
    return name;
  }

  String getEmail() {
    return email;
  }

  int getSigningOrder() {
    return signingOrder;
  }

  SignerStatus getStatus() {
    return status;
  }

  Instant getSignedAt() {
    return signedAt;
  }

  String getDeclineReason() {
    return declineReason;
  }

  String getSignatureType() {
    return signatureType;
  }

  String getSignatureValue() {
    return signatureValue;
  }
}
