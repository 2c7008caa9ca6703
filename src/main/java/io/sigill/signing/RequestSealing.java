package io.sigill.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.audit.TrailExport;
import io.sigill.sealing.SealedDocument;
import io.sigill.sealing.Sealer;
import io.sigill.sealing.SealingInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Builds the sealing input of a completed request (signer evidence from the audit trail, field
 * values, the trail itself) and seals the original with it. Sealing knows nothing of requests.
 */
@Component
class RequestSealing {

  private final Sealer sealer;
  private final AuditTrail auditTrail;
  private final ObjectMapper json;

  RequestSealing(Sealer sealer, AuditTrail auditTrail, ObjectMapper json) {
    this.sealer = sealer;
    this.auditTrail = auditTrail;
    this.json = json;
  }

  /** The sealed final PDF; the caller stores it and closes it (which deletes the temp file). */
  SealedDocument seal(SignatureRequest request, InputStream original, String originalSha256, String verifyUrl) {
    TrailExport trail = auditTrail.export(request.getId()).orElseThrow();
    Map<String, AuditTrail.Origin> signedFrom = auditTrail.lastOrigins(request.getId(), AuditEventType.SIGNER_SIGNED);
    List<SealingInput.SignerEvidence> evidence = request.getSigners().stream()
        .map(s -> evidence(s, trail, signedFrom))
        .toList();
    List<SealingInput.FieldStamp> stamps = request.getFields().stream()
        .filter(f -> f.getValue() != null)
        .map(RequestSealing::stamp)
        .toList();
    List<SealingInput.AuditLine> lines = trail.events().stream()
        .map(e -> new SealingInput.AuditLine(e.seq(), e.occurredAt(), e.type(), e.actor(), e.hash()))
        .toList();
    try {
      return sealer.seal(original, new SealingInput(request.getId(), request.getTitle(), originalSha256, evidence,
          stamps, lines, trail.headHash(), json.writeValueAsString(trail), verifyUrl));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The audit trail cannot be written as JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Sealing failed", e);
    }
  }

  private static SealingInput.SignerEvidence evidence(Signer signer, TrailExport trail,
      Map<String, AuditTrail.Origin> signedFrom) {
    String actor = Actor.signer(signer.getId());
    Optional<AuditTrail.Origin> signed = Optional.ofNullable(signedFrom.get(actor));
    Instant sentAt = firstTime(trail, e -> AuditEventType.SIGNER_NOTIFIED.name().equals(e.type())
        && signer.getId().equals(e.payload().get("signerId")));
    Instant viewedAt = firstTime(trail, e -> AuditEventType.SIGNER_OPENED.name().equals(e.type()) && actor.equals(e.actor()));
    return new SealingInput.SignerEvidence(signer.getName(), signer.getEmail(),
        signed.map(AuditTrail.Origin::ip).orElse(null), signed.map(AuditTrail.Origin::userAgent).orElse(null),
        "Emailed single-use signing link", sentAt, viewedAt, signer.getSignedAt());
  }

  private static Instant firstTime(TrailExport trail, Function<TrailExport.Event, Boolean> match) {
    return trail.events().stream().filter(match::apply).map(TrailExport.Event::occurredAt).findFirst().orElse(null);
  }

  private static SealingInput.FieldStamp stamp(SignatureField field) {
    byte[] drawn = null;
    Signer signer = field.getSigner();
    boolean signatureLike = field.getType() == FieldType.SIGNATURE || field.getType() == FieldType.INITIALS;
    if (signatureLike && "drawn".equals(signer.getSignatureType()) && signer.getSignatureValue() != null) {
      String dataUrl = signer.getSignatureValue();
      drawn = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
    }
    return new SealingInput.FieldStamp(field.getPage(), (float) field.getX(), (float) field.getY(),
        (float) field.getWidth(), (float) field.getHeight(), SealingInput.FieldType.valueOf(field.getType().name()),
        field.getValue(), drawn);
  }
}
