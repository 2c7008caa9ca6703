package io.sigill.sealing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** Asks an RFC 3161 time-stamp authority over HTTP to stamp the hash of a signature value. */
final class TimeStampClient {

  private static final int MAX_RESPONSE = 64 * 1024;

  private final URI tsa;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();

  TimeStampClient(URI tsa) {
    this.tsa = tsa;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  TimeStampToken stamp(byte[] signatureValue) throws IOException {
    try {
      byte[] imprint = MessageDigest.getInstance("SHA-256").digest(signatureValue);
      TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
      generator.setCertReq(true);
      BigInteger nonce = new BigInteger(64, random);
      TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint, nonce);
      HttpResponse<byte[]> response = http.send(
          HttpRequest.newBuilder(tsa).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/timestamp-query")
              .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || response.body().length > MAX_RESPONSE) {
        throw new IOException("The time-stamp authority answered HTTP " + response.statusCode());
      }
      TimeStampResponse answer = new TimeStampResponse(response.body());
      // Checks status, that the token answers this request (imprint, nonce) and that a certificate was included.
      answer.validate(request);
      if (answer.getTimeStampToken() == null) {
        throw new IOException("The time-stamp authority refused: " + answer.getStatusString());
      }
      return answer.getTimeStampToken();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for the time-stamp authority", e);
    } catch (NoSuchAlgorithmException | TSPException e) {
      throw new IOException("The time-stamp authority's answer is not usable: " + e.getMessage(), e);
    }
  }
}
