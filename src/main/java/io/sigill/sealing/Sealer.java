package io.sigill.sealing;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Seals a completed transaction's document: stamps the fields, appends the certificate of
 * completion with the audit trail, signs it as PAdES (B-T with a time-stamp authority) and records
 * the sealed file's SHA-256 in the trail as {@code DOCUMENT_SEALED}. Storing the result is the
 * caller's job (through the vault), so the caller decides who owns it.
 */
@Component
public class Sealer {

  private final SealedPdfWriter writer;
  private final AuditTrail audit;

  Sealer(SealKey key, SealingSettings settings, AuditTrail audit) {
    this.writer = new SealedPdfWriter(key, settings.hasTsa() ? new TimeStampClient(URI.create(settings.tsaUrl())) : null,
        settings.inMemoryMaxBytes());
    this.audit = audit;
  }

  /**
   * Seals the PDF (kept in memory, or in a temporary file when large) and records its hash. The
   * caller stores it and then closes the returned document, which releases it. Runs in the caller's
   * transaction: if the caller rolls back, the {@code DOCUMENT_SEALED} event is gone too.
   */
  public SealedDocument seal(InputStream original, SealingInput input) throws IOException {
    SealedDocument sealed = writer.write(original, input);
    try {
      audit.record(AuditEventType.DOCUMENT_SEALED, input.transactionId(), null, Actor.SYSTEM,
          Map.of("sealedSha256", sealed.sha256(), "originalSha256", String.valueOf(input.originalSha256()),
              "sizeBytes", sealed.sizeBytes(), "timestamped", sealed.timestamped()));
      return sealed;
    } catch (RuntimeException e) {
      sealed.close();
      throw e;
    }
  }
}
