package io.sigill.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A box on a page for one signer; coordinates in PDF points from the page's lower-left. */
@Entity
@Table(name = "signature_field")
class SignatureField {

  @Id
  @Column(length = 36)
  private String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "request_id", nullable = false)
  private SignatureRequest request;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "signer_id", nullable = false)
  private Signer signer;

  @Enumerated(EnumType.STRING)
  @Column(name = "field_type", nullable = false, length = 16)
  private FieldType type;

  @Column(nullable = false)
  private int page;

  @Column(nullable = false)
  private double x;

  @Column(nullable = false)
  private double y;

  @Column(nullable = false)
  private double width;

  @Column(nullable = false)
  private double height;

  @Column(nullable = false)
  private boolean required;

  @Column(name = "field_value", length = 1000)
  private String value;

  protected SignatureField() {}

  SignatureField(SignatureRequest request, Signer signer, FieldType type, int page, double x, double y,
      double width, double height, boolean required) {
    this.id = UUID.randomUUID().toString();
    this.request = request;
    this.signer = signer;
    this.type = type;
    this.page = page;
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
    this.required = required;
  }

  void fill(String value) {
    this.value = value;
  }

  String getId() {
    return id;
  }

  Signer getSigner() {
    return signer;
  }

  FieldType getType() {
    return type;
  }

  int getPage() {
    return page;
  }

  double getX() {
    return x;
  }

  double getY() {
    return y;
  }

  double getWidth() {
    return width;
  }

  double getHeight() {
    return height;
  }

  boolean isRequired() {
    return required;
  }

  String getValue() {
    return value;
  }
}
