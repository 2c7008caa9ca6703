package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.identity.Members;
import io.sigill.identity.SigillUser;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** Every document action of the vault lands in the audit trail; refusals in the caller's org's chain. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentAuditTests {

  @Autowired TestRestTemplate rest;
  @Autowired AuditReading reading;
  @Autowired Members members;
  @Autowired ObjectMapper json;

  @Test
  void uploadReadRefusalAndShreddingAreRecordedAndChainsVerify() throws Exception {
    String id = upload();
    assertThat(rest.withBasicAuth("compliance", "demo").getForEntity("/api/documents/{id}/content", byte[].class, id)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("sender2", "demo").getForEntity("/api/documents/{id}/content", byte[].class, id)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/documents/{id}", HttpMethod.DELETE, null, String.class, id)
        .getStatusCode().is2xxSuccessful()).isTrue();

    SigillUser demoAdmin = members.load("admin").orElseThrow();
    AuditReading.TrailView trail = reading.read(demoAdmin, id);
    assertThat(trail.events()).extracting(AuditReading.EventView::type)
        .containsExactly("DOCUMENT_UPLOADED", "DOCUMENT_DOWNLOADED", "DOCUMENT_DELETED");
    assertThat(trail.events()).extracting(AuditReading.EventView::actor).containsExactly("sender", "compliance", "admin");
    assertThat(trail.events().get(1).ip()).isEqualTo("127.0.0.1");
    assertThat(reading.verify(demoAdmin, id).valid()).isTrue();

    SigillUser acmeUser = members.load("sender2").orElseThrow();
    SigillUser demoCompliance = members.load("compliance").orElseThrow();
    String refusals = DocumentAccessRecorder.REFUSALS_PREFIX + acmeUser.orgId();
    List<AuditReading.EventView> refused = reading.read(new SigillUser("auditor", acmeUser.orgId(), java.util.Set.of("compliance")), refusals).events();
    assertThat(refused).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo("DOCUMENT_ACCESS_REFUSED");
      assertThat(e.actor()).isEqualTo("sender2");
      assertThat(e.payload()).containsEntry("documentId", id);
    });
    assertThat(trail.events()).noneMatch(e -> e.actor().equals("sender2"));
    // The owner's compliance cannot read acme's refusal chain: it is another org's.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reading.read(demoCompliance, refusals))
        .isInstanceOf(io.sigill.web.NotFoundException.class);
  }

  private String upload() throws Exception {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.save(pdf);
    }
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("file", new ByteArrayResource(pdf.toByteArray()) {
      @Override
      public String getFilename() {
        return "contract.pdf";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var response = rest.withBasicAuth("sender", "demo").postForEntity("/api/documents", new HttpEntity<>(parts, headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    return body.get("id").asText();
  }
}
