package io.sigill.signing;

import java.time.Instant;
import java.util.List;

/** A signature request as its sender's org sees it ({@code GET /api/signature-requests/{id}}). */
record SignatureRequestView(
    String id,
    String title,
    String message,
    SignatureRequestStatus status,
    Instant createdAt,
    Instant completedAt,
    Instant expiresAt,
    List<SignerView> signers,
    List<String> cc,
    List<FieldView> fields) {

  record SignerView(String id, String name, String email, int order, SignerStatus status, Instant signedAt) {}

  record FieldView(String id, String type, int signer, int page, double x, double y, double width, double height,
      boolean required) {}

  static SignatureRequestView of(SignatureRequest r) {
    return new SignatureRequestView(r.getId(), r.getTitle(), r.getMessage(), r.getStatus(), r.getCreatedAt(),
        r.getCompletedAt(), r.getExpiresAt(),
        r.getSigners().stream()
            .map(s -> new SignerView(s.getId(), s.getName(), s.getEmail(), s.getSigningOrder(), s.getStatus(),
                s.getSignedAt()))
            .toList(),
        List.copyOf(r.getCc()),
        r.getFields().stream()
            .map(f -> new FieldView(f.getId(), f.getType().jsonName(), f.getSigner().getPosition(), f.getPage(),
                f.getX(), f.getY(), f.getWidth(), f.getHeight(), f.isRequired()))
            .toList());
  }

  /** One line of the list, without signers' details. */
  record Summary(String id, String title, SignatureRequestStatus status, Instant createdAt, Instant completedAt) {
    static Summary of(SignatureRequest r) {
      return new Summary(r.getId(), r.getTitle(), r.getStatus(), r.getCreatedAt(), r.getCompletedAt());
    }
  }
}
