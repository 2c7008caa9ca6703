package io.sigill.signing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** A document sent to signers; its id is the process business key and the audit transaction id. */
@Entity
@Table(name = "signature_request")
class SignatureRequest implements Persistable<String> {

  // The id is assigned here, so Spring Data cannot tell new from stored: persist, never merge, a new one.
  @Transient
  private boolean isNew = true;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "org_id", nullable = false, length = 36)
  private String orgId;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 2000)
  private String message;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SignatureRequestStatus status;

  @Column(name = "document_id", nullable = false, length = 36)
  private String documentId;

  @Column(name = "final_document_id", length = 36)
  private String finalDocumentId;

  @Column(name = "reminder_every_days", nullable = false)
  private int reminderEveryDays;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Signer> signers = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("page, y desc")
  private List<SignatureField> fields = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "signature_cc", joinColumns = @JoinColumn(name = "request_id"))
  @OrderColumn(name = "position")
  @Column(name = "email", nullable = false, length = 254)
  private List<String> cc = new ArrayList<>();

  protected SignatureRequest() {}

  SignatureRequest(String orgId, String createdBy, String title, String message, String documentId,
      int reminderEveryDays, Instant expiresAt, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.orgId = orgId;
    this.createdBy = createdBy;
    this.title = title;
    this.message = message;
    this.status = SignatureRequestStatus.SENT;
    this.documentId = documentId;
    this.reminderEveryDays = reminderEveryDays;
    this.expiresAt = expiresAt;
    this.createdAt = createdAt;
  }

  Signer addSigner(String name, String email, int order) {
    Signer signer = new Signer(this, signers.size(), name, email, order);
    signers.add(signer);
    return signer;
  }

  void addField(Signer signer, FieldType type, int page, double x, double y, double width, double height, boolean required) {
    fields.add(new SignatureField(this, signer, type, page, x, y, width, height, required));
  }

  void addCc(String email) {
    cc.add(email);
  }

  boolean isOpen() {
    return status == SignatureRequestStatus.SENT;
  }

  boolean isLiveAt(Instant now) {
    return isOpen() && now.isBefore(expiresAt);
  }

  boolean allSigned() {
    return signers.stream().allMatch(s -> s.getStatus() == SignerStatus.SIGNED);
  }

  void end(SignatureRequestStatus outcome, Instant at) {
    this.status = outcome;
    this.endedAt = at;
    if (outcome == SignatureRequestStatus.COMPLETED) {
      this.completedAt = at;
    }
  }

  void sealed(String finalDocumentId) {
    this.finalDocumentId = finalDocumentId;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    isNew = false;
  }

  String getOrgId() {
    return orgId;
  }

  String getCreatedBy() {
    return createdBy;
  }

  String getTitle() {
    return title;
  }

  String getMessage() {
    return message;
  }

  SignatureRequestStatus getStatus() {
    return status;
  }

  String getDocumentId() {
    return documentId;
  }

  String getFinalDocumentId() {
    return finalDocumentId;
  }

  int getReminderEveryDays() {
    return reminderEveryDays;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getCompletedAt() {
    return completedAt;
  }

  List<Signer> getSigners() {
    return signers;
  }

  List<SignatureField> getFields() {
    return fields;
  }

  List<String> getCc() {
    return cc;
  }
}
