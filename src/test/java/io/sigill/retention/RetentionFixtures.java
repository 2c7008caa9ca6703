package io.sigill.retention;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Signature requests made through the real API, and the engine driven by hand (the job executor is off in tests). */
final class RetentionFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private RetentionFixtures() {}

  /** A signature request of the sender's org with one signer; returns its id. */
  static String signatureRequest(MockMvc mvc, String sender, String signerEmail) throws Exception {
    return signatureRequest(mvc, sender, signerEmail, "Anna");
  }

  /** A signature request of the sender's org with one signer of this name; returns its id. */
  static String signatureRequest(MockMvc mvc, String sender, String signerEmail, String signerName) throws Exception {
    byte[] request = JSON.writeValueAsBytes(Map.of("title", "Lease",
        "signers", List.of(Map.of("name", signerName, "email", signerEmail, "order", 1))));
    String body = mvc.perform(multipart("/api/signature-requests")
            .file(new MockMultipartFile("file", "lease.pdf", "application/pdf", pdf()))
            .file(new MockMultipartFile("request", "", "application/json", request))
            .with(httpBasic(sender, "demo")))
        .andReturn().getResponse().getContentAsString();
    JsonNode created = JSON.readTree(body);
    return created.get("id").asText();
  }

  /** Executes every due job of the process instance until none is left (timers only when due). */
  static void runJobs(ManagementService management, String processInstanceId) {
    for (int i = 0; i < 50; i++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
    throw new IllegalStateException("Jobs keep coming for " + processInstanceId);
  }

  static byte[] pdf() {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        content.newLineAtOffset(72, 760);
        content.showText("Lease agreement");
        content.endText();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
