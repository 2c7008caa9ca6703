package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.identity.Members;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Documents above the verify-first limit stream in one pass. Over real HTTP: an intact one comes
 * whole; one with an altered segment in the middle starts as a 200 but the connection is cut
 * before the chunked body ends, so no client can take the prefix for the document, and the
 * failure is in the audit trail. In process: reading fails with DocumentStreamIntegrityException.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentStreamingTests {

  // Above the default verify-first limit (4 MiB), within the default upload limit (25 MiB).
  private static final int LARGE = 6 * 1024 * 1024;

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired VaultObjectRepository objects;
  @Autowired BlobStore blobs;
  @Autowired DocumentVault vault;
  @Autowired Members members;
  @LocalServerPort int port;

  @Test
  void anIntactLargeDocumentStreamsWholeWithoutContentLength() throws Exception {
    byte[] pdf = largePdf();
    String id = upload(pdf);

    ResponseEntity<byte[]> content = rest.withBasicAuth("sender", "demo")
        .getForEntity("/api/documents/{id}/content", byte[].class, id);

    assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(content.getHeaders().getContentLength()).isEqualTo(-1); // chunked: only a complete body ends well
    assertThat(content.getBody()).isEqualTo(pdf);
  }

  @Test
  void anAlteredSegmentMidwayCutsTheConnectionBeforeTheBodyEndsAndIsAudited() throws Exception {
    byte[] pdf = largePdf();
    String id = upload(pdf);
    corruptTheMiddle(id);

    RawResponse raw = rawGet("/api/documents/" + id + "/content", "sender");

    // The headers went out with the first, intact segments ...
    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.headers()).doesNotContainKey("content-length").containsEntry("transfer-encoding", "chunked");
    // ... but the body never ends: the connection was closed without the terminating chunk.
    assertThat(raw.complete()).as("terminating chunk received").isFalse();
    assertThat(raw.body().length).isGreaterThan(0).isLessThan(pdf.length);
    assertThat(raw.body()).isEqualTo(Arrays.copyOf(pdf, raw.body().length)); // only authenticated bytes went out

    // A standard client reports the download as failed, not as a short document.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents/" + id + "/content"))
        .header(HttpHeaders.AUTHORIZATION, basic("sender")).build();
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofByteArray())).isInstanceOf(IOException.class);

    ResponseEntity<String> trail = rest.withBasicAuth("admin", "demo")
        .getForEntity("/api/transactions/{id}/audit", String.class, id);
    assertThat(trail.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode events = json.readTree(trail.getBody()).get("events");
    assertThat(events.findValuesAsText("type")).containsSubsequence("DOCUMENT_DOWNLOADED", "DOCUMENT_INTEGRITY_FAILED");
    assertThat(events.findValuesAsText("type")).filteredOn("DOCUMENT_INTEGRITY_FAILED"::equals).hasSize(2);
  }

  @Test
  void inProcessAReadThatFailsMidwayThrowsAndNeverReturnsTheWholeDocument() throws Exception {
    byte[] pdf = largePdf();
    String id = upload(pdf);
    corruptTheMiddle(id);

    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (DocumentContent content = vault.open(id, new DocumentReader.Member(members.load("sender").orElseThrow()),
        new AccessContext("203.0.113.9", "streaming-tests"))) {
      assertThat(content.verifiedWhole()).isFalse();
      assertThatThrownBy(() -> content.stream().transferTo(got)).isInstanceOf(DocumentStreamIntegrityException.class);
      // Once failed, it stays failed: no later read yields more bytes.
      assertThatThrownBy(() -> content.stream().read()).isInstanceOf(DocumentStreamIntegrityException.class);
    }
    assertThat(got.size()).isLessThan(pdf.length);
  }

  private void corruptTheMiddle(String id) throws IOException {
    String objectId = objects.findByDocumentId(id).get(0).getId();
    Path blob = ((LocalBlobStore) blobs).root().resolve(objectId.substring(0, 2)).resolve(objectId);
    byte[] sealed = Files.readAllBytes(blob);
    sealed[sealed.length / 2] ^= 1; // a segment in the middle: the ones before it verify
    Files.write(blob, sealed);
  }

  /** A valid one-page PDF padded past the verify-first limit with an unfiltered stream of random bytes. */
  private static byte[] largePdf() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      COSStream padding = doc.getDocument().createCOSStream();
      byte[] random = new byte[LARGE];
      new SecureRandom().nextBytes(random);
      try (OutputStream out = padding.createRawOutputStream()) {
        out.write(random);
      }
      doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("SigillTestPadding"), padding);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  private String upload(byte[] pdf) throws IOException {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(pdf) {
      @Override
      public String getFilename() {
        return "large.pdf";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> created =
        rest.withBasicAuth("sender", "demo").postForEntity("/api/documents", new HttpEntity<>(parts, headers), String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asText();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /** What came over the wire: status, headers, the de-chunked body, and whether the last chunk came. */
  private record RawResponse(int status, Map<String, String> headers, byte[] body, boolean complete) {}

  /** One HTTP/1.1 GET on a plain socket, read until the server closes; chunked bodies are decoded by hand. */
  private RawResponse rawGet(String path, String user) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(user)
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (!"chunked".equals(headers.get("transfer-encoding"))) {
        in.transferTo(body);
        return new RawResponse(status, headers, body.toByteArray(), false);
      }
      while (true) {
        String size = line(in);
        if (size == null) {
          return new RawResponse(status, headers, body.toByteArray(), false); // closed between chunks
        }
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (n == 0) {
          return new RawResponse(status, headers, body.toByteArray(), true);
        }
        byte[] chunk = in.readNBytes(n);
        body.write(chunk);
        if (chunk.length < n || line(in) == null) {
          return new RawResponse(status, headers, body.toByteArray(), false); // closed inside a chunk
        }
      }
    }
  }

  /** A CRLF-terminated line, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return null;
  }
}
