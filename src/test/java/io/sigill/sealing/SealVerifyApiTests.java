package io.sigill.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.web.TooManyRequestsException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Public verification over HTTP, without login: {@code POST /api/verify} and the {@code /verify} page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sigill.sealing.max-verify-bytes=400000")
@ActiveProfiles("test")
class SealVerifyApiTests {

  @Autowired TestRestTemplate http;
  @Autowired Sealer sealer;
  @Autowired AuditTrail audit;

  private byte[] sealedThroughSigill(String transactionId) throws Exception {
    audit.record(AuditEventType.REQUEST_CREATED, transactionId, "org-a", "sender", Map.of());
    try (SealedDocument sealed = sealer.seal(new ByteArrayInputStream(SealFixtures.plainPdf(2)),
        SealFixtures.input(transactionId, 2, 2))) {
      return SealFixtures.bytes(sealed);
    }
  }

  @Test
  void aDocumentSealedHereIsValidKnownAndItsTrailIntact() throws Exception {
    String id = "tx-" + UUID.randomUUID();
    byte[] sealed = sealedThroughSigill(id);

    ResponseEntity<Map<String, Object>> response = post("/api/verify", sealed, "sealed.pdf", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> body = response.getBody();
    assertThat(body).containsEntry("sealValid", true).containsEntry("coversWholeDocument", true)
        .containsEntry("transactionId", id).containsEntry("knownToSigill", true).containsEntry("auditChainValid", true)
        .containsEntry("timestamped", false).containsEntry("signedBy", "Sigill seal (self-signed)");
    assertThat(body.get("signedAt")).isNotNull();
    assertThat((java.util.List<?>) body.get("reasons")).isEmpty();
    assertThat(audit.export(id).orElseThrow().events()).anyMatch(e -> e.type().equals("DOCUMENT_SEALED")
        && SealVerifier.sha256(sealed).equals(e.payload().get("sealedSha256")));
  }

  @Test
  void oneChangedByteMakesTheSealInvalidAndTheFileUnknown() throws Exception {
    String id = "tx-" + UUID.randomUUID();
    byte[] tampered = sealedThroughSigill(id);
    tampered[tampered.length / 4] ^= 0x01;

    Map<String, Object> body = post("/api/verify", tampered, "sealed.pdf", null).getBody();

    assertThat(body).containsEntry("sealValid", false).containsEntry("knownToSigill", false);
    assertThat((java.util.List<?>) body.get("reasons")).isNotEmpty();
  }

  @Test
  void anUnrelatedPdfIsNotKnown() {
    Map<String, Object> body = post("/api/verify", SealFixtures.plainPdf(1), "other.pdf", null).getBody();
    assertThat(body).containsEntry("sealValid", false).containsEntry("knownToSigill", false)
        .containsEntry("auditChainValid", null);
  }

  @Test
  void aFileOverTheLimitIsRefusedAsAProblem() {
    ResponseEntity<Map<String, Object>> response = post("/api/verify", new byte[400_001], "big.pdf", null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
  }

  @Test
  void theRateLimitCountsPerAddressAndMinute() {
    Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    VerifyRateLimit limit = new VerifyRateLimit(2, clock);
    limit.check("10.0.0.1");
    limit.check("10.0.0.1");
    limit.check("10.0.0.2");
    assertThatThrownBy(() -> limit.check("10.0.0.1")).isInstanceOf(TooManyRequestsException.class);
  }

  @Test
  void thePageVerifiesAnUploadAndEscapesWhatItShows() throws Exception {
    String id = "tx-" + UUID.randomUUID();
    byte[] sealed = sealedThroughSigill(id);
    ResponseEntity<String> form = http.getForEntity("/verify", String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getBody());
    assertThat(token.find()).isTrue();
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, form.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);

    ResponseEntity<String> result = postPage(sealed, "<b>x</b>.pdf", token.group(1), headers);

    assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(result.getBody()).contains("The seal is valid").contains(id).contains("&lt;b&gt;x&lt;/b&gt;.pdf")
        .doesNotContain("<b>x</b>");
  }

  private ResponseEntity<Map<String, Object>> post(String path, byte[] content, String name, HttpHeaders extra) {
    return http.exchange(path, org.springframework.http.HttpMethod.POST, multipart(content, name, null, extra),
        new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {});
  }

  private ResponseEntity<String> postPage(byte[] content, String name, String csrf, HttpHeaders extra) {
    return http.postForEntity("/verify", multipart(content, name, csrf, extra), String.class);
  }

  private static HttpEntity<MultiValueMap<String, Object>> multipart(byte[] content, String name, String csrf,
      HttpHeaders extra) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    if (csrf != null) {
      parts.add("_csrf", csrf);
    }
    HttpHeaders headers = new HttpHeaders();
    if (extra != null) {
      headers.putAll(extra);
    }
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }
}
