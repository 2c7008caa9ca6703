package io.sigill.sealing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the seal needs about one completed transaction, as plain values: who signed and how,
 * what they filled in where, and the audit trail to print and attach. The signing feature builds
 * it; sealing knows nothing of signature requests.
 *
 * @param originalSha256 hex SHA-256 of the original upload, printed on the certificate
 * @param auditLines the trail's events as they should read on the certificate
 * @param auditHeadHash the trail's head hash when the input was built
 * @param auditJson the trail as JSON, attached to the PDF as an embedded file
 * @param verifyUrl where anyone can check the sealed PDF (the public /verify page)
 */
public record SealingInput(
    String transactionId,
    String title,
    String originalSha256,
    List<SignerEvidence> signers,
    List<FieldStamp> fields,
    List<AuditLine> auditLines,
    String auditHeadHash,
    String auditJson,
    String verifyUrl) {

  public SealingInput {
    Objects.requireNonNull(transactionId, "transactionId");
    if (transactionId.isBlank() || transactionId.length() > 100) {
      throw new IllegalArgumentException("transactionId must be 1 to 100 characters");
    }
    title = title == null ? "" : title;
    signers = List.copyOf(signers);
    fields = List.copyOf(fields);
    auditLines = List.copyOf(auditLines);
    auditJson = auditJson == null ? "[]" : auditJson;
  }

  /** One signer's evidence for the certificate; times in UTC, null when it did not happen. */
  public record SignerEvidence(String name, String email, String ip, String userAgent, String authMethod,
      Instant sentAt, Instant viewedAt, Instant signedAt) {}

  /**
   * One filled-in field. Position and size are PDF points from the lower-left corner of the page
   * as it is displayed (after its /Rotate), page numbers start at 1.
   *
   * @param value typed text, initials, an ISO-8601 instant for {@link FieldType#DATE_SIGNED},
   *     {@code "true"}/{@code "false"} for a checkbox
   * @param drawnImagePng a drawn signature or initials as PNG, or null to type {@code value}
   */
  public record FieldStamp(int page, float x, float y, float width, float height, FieldType type, String value,
      byte[] drawnImagePng) {

    public FieldStamp {
      Objects.requireNonNull(type, "type");
      if (page < 1 || width <= 0 || height <= 0) {
        throw new IllegalArgumentException("A field needs a page from 1 and a positive size");
      }
      drawnImagePng = drawnImagePng == null ? null : drawnImagePng.clone();
    }

    @Override
    public byte[] drawnImagePng() {
      return drawnImagePng == null ? null : drawnImagePng.clone();
    }
  }

  /** The kinds of field a signer fills in. */
  public enum FieldType { SIGNATURE, INITIALS, DATE_SIGNED, TEXT, CHECKBOX }

  /** One audit event as printed on the certificate. */
  public record AuditLine(long seq, Instant occurredAt, String type, String actor, String hash) {}
}
