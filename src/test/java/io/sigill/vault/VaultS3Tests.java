package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * The production shape end to end: data keys from KMS (stand-in on loopback), ciphertext in a
 * real S3-compatible server (S3Mock, separate process). Neither the bucket nor S3Mock's disk
 * holds a byte of plaintext; a shred leaves no version behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VaultS3Tests {

  private static final String BUCKET = "vault-e2e";
  private static KmsStandIn kms;

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired DocumentVault vault;
  @Autowired VaultObjectRepository objects;
  @Autowired VaultDocumentRepository documents;

  private final S3Client s3 = S3MockServer.shared().client();

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) throws IOException {
    kms = new KmsStandIn();
    // The kms provider uses the AWS default credentials chain, as in production.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    registry.add("sigill.vault.key-provider", () -> "kms");
    registry.add("sigill.vault.kms.key-id", () -> "sigill-test-key");
    registry.add("sigill.vault.kms.endpoint", () -> kms.endpoint().toString());
    registry.add("sigill.vault.blob-store", () -> "s3");
    registry.add("sigill.vault.s3.endpoint", () -> S3MockServer.shared().endpoint().toString());
    registry.add("sigill.vault.s3.bucket", () -> BUCKET);
    registry.add("sigill.vault.s3.path-style", () -> "true");
    registry.add("sigill.vault.s3.access-key", () -> "test");
    registry.add("sigill.vault.s3.secret-key", () -> "test");
  }

  @AfterAll
  static void stopKms() {
    kms.close();
  }

  @Test
  void storesThroughKmsAndS3AndReadsBackTheSameBytes() throws Exception {
    byte[] pdf = DocumentApiTests.corpus("good.pdf");
    String id = upload(pdf);

    ResponseEntity<byte[]> content = rest.withBasicAuth("sender", "demo")
        .exchange("/api/documents/" + id + "/content", HttpMethod.GET, null, byte[].class);

    assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(content.getBody()).isEqualTo(pdf);
    assertThat(objects.findByDocumentId(id).get(0).getKekId()).endsWith("key/sigill-test-key");
    assertThat(kms.operations).contains("GenerateDataKey", "Decrypt");
  }

  @Test
  void neitherTheBucketNorTheServersDiskHoldsPlaintext() throws Exception {
    byte[] pdf = DocumentApiTests.corpus("good.pdf");
    assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("%PDF", PdfCorpus.PHRASE);
    upload(pdf);
    upload(pdf);

    List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket(BUCKET)).versions();
    assertThat(versions).hasSizeGreaterThanOrEqualTo(2);
    for (ObjectVersion v : versions) {
      ResponseBytes<GetObjectResponse> bytes =
          s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(v.key()).versionId(v.versionId()));
      assertThat(bytes.asString(StandardCharsets.ISO_8859_1)).as(v.key())
          .doesNotContain("%PDF").doesNotContain(PdfCorpus.PHRASE);
    }
    List<Path> onDisk;
    try (Stream<Path> files = Files.walk(S3MockServer.shared().storeRoot)) {
      onDisk = files.filter(Files::isRegularFile).toList();
    }
    assertThat(onDisk).isNotEmpty();
    for (Path file : onDisk) {
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
          .doesNotContain("%PDF").doesNotContain(PdfCorpus.PHRASE);
    }
  }

  @Test
  void legalHoldIsMirroredToObjectLockAndShreddingRemovesEveryVersion() throws Exception {
    String id = upload(DocumentApiTests.corpus("good.pdf"));
    String key = objects.findByDocumentId(id).get(0).getId();
    vault.setLegalHold(id, orgOf(id), true);
    assertThat(s3.getObjectLegalHold(b -> b.bucket(BUCKET).key(key)).legalHold().status())
        .isEqualTo(ObjectLockLegalHoldStatus.ON);
    vault.setLegalHold(id, orgOf(id), false);

    ResponseEntity<String> deleted = rest.withBasicAuth("admin", "demo")
        .exchange("/api/documents/" + id, HttpMethod.DELETE, null, String.class);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    var left = s3.listObjectVersions(b -> b.bucket(BUCKET).prefix(key));
    assertThat(left.versions()).isEmpty();
    assertThat(left.deleteMarkers()).isEmpty();
  }

  private String orgOf(String documentId) {
    return documents.findById(documentId).orElseThrow().getOrgId();
  }

  private String upload(byte[] pdf) throws IOException {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(pdf) {
      @Override
      public String getFilename() {
        return "s3.pdf";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> created = rest.withBasicAuth("sender", "demo")
        .postForEntity("/api/documents", new HttpEntity<>(parts, headers), String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asText();
  }
}
