package io.sigill.sealing;

import io.sigill.web.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The public verification use case shared by page and API: rate limit, size limit, check. */
@Component
class SealVerification {

  private final VerifyRateLimit rateLimit;
  private final SealVerifier verifier;
  private final long maxBytes;

  SealVerification(VerifyRateLimit rateLimit, SealVerifier verifier, SealingSettings settings) {
    this.rateLimit = rateLimit;
    this.verifier = verifier;
    this.maxBytes = settings.maxVerifyBytes();
  }

  SealCheck verify(MultipartFile file, String clientAddress) {
    rateLimit.check(clientAddress);
    if (file == null || file.isEmpty()) {
      throw new InvalidRequestException("Choose a PDF file to verify.");
    }
    if (file.getSize() > maxBytes) {
      throw new InvalidRequestException("The file is larger than " + maxBytes / (1024 * 1024) + " MiB.");
    }
    try (InputStream in = file.getInputStream()) {
      // Read at most one byte more than allowed: the declared size is the client's word.
      byte[] pdf = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (pdf.length > maxBytes) {
        throw new InvalidRequestException("The file is larger than " + maxBytes / (1024 * 1024) + " MiB.");
      }
      return verifier.check(pdf);
    } catch (IOException e) {
      throw new InvalidRequestException("The upload could not be read.");
    }
  }
}
