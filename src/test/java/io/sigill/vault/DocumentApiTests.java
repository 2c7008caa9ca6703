package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The document API end to end over HTTP: upload checks the bytes, reads are authorized and
 * recorded before any byte is sent, other orgs get 404, admins crypto-shred.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"sigill.vault.max-upload-bytes=1048576", "sigill.vault.max-inflated-bytes=33554432"})
@ActiveProfiles("test")
@Import(VaultEventRecorder.class)
class DocumentApiTests {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired VaultEventRecorder recorder;
  @Autowired VaultDocumentRepository documents;
  @Autowired VaultObjectRepository objects;
  @Autowired BlobStore blobs;

  @Test
  void aSenderStoresAPdfAndReadsItBackWhileEveryStepIsRecorded() throws Exception {
    byte[] pdf = corpus("good.pdf");
    ResponseEntity<String> created = upload("sender", "../../contracts/offer.pdf", pdf);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(created.getBody());
    String id = body.get("id").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/documents/" + id);
    assertThat(body.get("version").asInt()).isEqualTo(1);
    assertThat(body.get("fileName").asText()).isEqualTo("offer.pdf");
    assertThat(body.get("pages").asInt()).isEqualTo(1);
    assertThat(body.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(body.get("sha256").asText()).isEqualTo(sha256(pdf));

    ResponseEntity<String> meta = as("compliance").getForEntity("/api/documents/" + id, String.class);
    assertThat(meta.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(meta.getBody()).get("sha256").asText()).isEqualTo(sha256(pdf));

    ResponseEntity<byte[]> content = get("compliance", id);
    assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(content.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(content.getHeaders().getContentDisposition().getFilename()).isEqualTo("offer.pdf");
    assertThat(content.getBody()).isEqualTo(pdf);

    DocumentStored stored = recorder.of(DocumentStored.class, id).get(0);
    assertThat(stored.actor()).isEqualTo("sender");
    assertThat(stored.version()).isEqualTo(1);
    DocumentRead read = recorder.of(DocumentRead.class, id).get(0);
    assertThat(read.actor()).isEqualTo("compliance");
    assertThat(read.orgId()).isEqualTo(stored.orgId());
    assertThat(read.ip()).isEqualTo("127.0.0.1");
    assertThat(read.userAgent()).isEqualTo("vault-test-agent");
    assertThat(recorder.events).filteredOn(r -> r.event().documentId().equals(id))
        .allMatch(VaultEventRecorder.Recorded::inTransaction);
  }

  @Test
  void anotherOrgsDocumentIsNotFoundAndTheRefusalIsRecorded() throws Exception {
    String id = storedId("sender");

    assertThat(as("sender2").getForEntity("/api/documents/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<byte[]> content = get("sender2", id);
    assertThat(content.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(new String(content.getBody(), StandardCharsets.UTF_8)).doesNotContain("%PDF");

    DocumentAccessRefused refused = recorder.of(DocumentAccessRefused.class, id).get(0);
    assertThat(refused.actor()).isEqualTo("sender2");
    assertThat(refused.orgId()).isNotEqualTo(recorder.of(DocumentStored.class, id).get(0).orgId());
    assertThat(recorder.of(DocumentRead.class, id)).isEmpty();
  }

  @Test
  void aRoleWithoutReadRightIsForbiddenAndRecorded() throws Exception {
    String id = storedId("sender");
    assertThat(get("billing", id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(recorder.of(DocumentAccessRefused.class, id)).extracting(DocumentEvent::actor).containsExactly("billing");
    assertThat(upload("billing", "x.pdf", corpus("good.pdf")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @ParameterizedTest
  @CsvSource({
    "png-named.pdf, 415, not-a-pdf",
    "truncated.pdf, 422, truncated",
    "password-protected.pdf, 422, encrypted",
    "encrypted-no-user-password.pdf, 422, encrypted",
    "501-pages.pdf, 422, too-many-pages",
    "bomb-64mib.pdf, 422, decompression-bomb"
  })
  void hostileUploadsGetAProblemNamingTheReasonAndStoreNothing(String file, int status, String reason) throws Exception {
    long rows = documents.count() + objects.count();
    long files = storedFiles();

    ResponseEntity<String> response = upload("sender", file, corpus(file));

    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.readTree(response.getBody()).get("reason").asText()).isEqualTo(reason);
    assertThat(documents.count() + objects.count()).isEqualTo(rows);
    assertThat(storedFiles()).isEqualTo(files);
  }

  @Test
  void anUploadOverTheConfiguredLimitIsA413Problem() throws Exception {
    long files = storedFiles();
    ResponseEntity<String> response = upload("sender", "big.pdf", new byte[1536 * 1024]);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("reason").asText()).isEqualTo("too-large");
    assertThat(problem.get("detail").asText()).contains("1048576");
    assertThat(storedFiles()).isEqualTo(files);
  }

  @Test
  void anOrgAdminCryptoShredsADocumentAndASenderMayNot() throws Exception {
    String id = storedId("sender");
    String objectId = objects.findByDocumentId(id).get(0).getId();

    assertThat(delete("sender", id)).isEqualTo(HttpStatus.FORBIDDEN);
    // The role is checked before the id is looked up, so a non-admin learns nothing about any id.
    assertThat(delete("sender2", id)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(delete("admin", id)).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(objects.findById(objectId)).isEmpty(); // the wrapped data key is gone
    assertThat(Files.exists(blobRoot().resolve(objectId.substring(0, 2)).resolve(objectId))).isFalse();
    assertThat(get("sender", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(recorder.of(DocumentShredded.class, id)).extracting(DocumentEvent::actor).containsExactly("admin");
  }

  @Test
  void nothingIsStoredInPlaintext() throws Exception {
    byte[] pdf = corpus("good.pdf");
    assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("%PDF", PdfCorpus.PHRASE);
    storedId("sender");
    storedId("sender");

    List<Path> stored = storedFileList();
    assertThat(stored).isNotEmpty();
    for (Path file : stored) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes).as(file.toString()).doesNotContain("%PDF").doesNotContain(PdfCorpus.PHRASE);
    }
  }

  @Test
  void unauthenticatedCallersGetA401Problem() {
    assertThat(rest.getForEntity("/api/documents/x/content", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String storedId(String user) throws IOException {
    ResponseEntity<String> created = upload(user, "doc.pdf", corpus("good.pdf"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asText();
  }

  private ResponseEntity<String> upload(String user, String fileName, byte[] bytes) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders partHeaders = new HttpHeaders();
    partHeaders.setContentType(MediaType.APPLICATION_PDF); // declared type: ignored by the vault
    parts.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }, partHeaders));
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user).postForEntity("/api/documents", new HttpEntity<>(parts, headers), String.class);
  }

  private ResponseEntity<byte[]> get(String user, String id) {
    return as(user).exchange("/api/documents/" + id + "/content", HttpMethod.GET, new HttpEntity<>(headers()), byte[].class);
  }

  private HttpStatus delete(String user, String id) {
    return HttpStatus.valueOf(as(user).exchange("/api/documents/" + id, HttpMethod.DELETE, new HttpEntity<>(headers()),
        String.class).getStatusCode().value());
  }

  private static HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.USER_AGENT, "vault-test-agent");
    return headers;
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }

  private Path blobRoot() {
    return ((LocalBlobStore) blobs).root();
  }

  private long storedFiles() throws IOException {
    return storedFileList().size();
  }

  private List<Path> storedFileList() throws IOException {
    try (Stream<Path> files = Files.walk(blobRoot())) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  static byte[] corpus(String name) throws IOException {
    try (var in = PdfIntakeTests.corpus(name)) {
      return in.readAllBytes();
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
