package io.sigill.signing;

import static io.sigill.signing.SigningFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The signer's HTML pages: escaped, token-authorized page images, sign and decline by form, clear refusals. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SignerPageTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void pageShowsTheDocumentWithEscapedNamesAndSigningByFormWorksOnce() throws Exception {
    String email = "page.anna@example.org";
    String token = send("<b>Lease</b>", "<script>alert(1)</script>", email);

    String html = mvc.perform(get("/sign/" + token)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Lease&lt;/b&gt;")
        .doesNotContain("<script>alert(1)</script>", "<b>Lease</b>")
        .contains("/sign/" + token + "/pages/1.png", "/sign/" + token + "/pages/2.png", "class=\"field signature\"");

    byte[] png = mvc.perform(get("/sign/" + token + "/pages/1.png")).andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.IMAGE_PNG)).andReturn().getResponse().getContentAsByteArray();
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isGreaterThan(800);
    mvc.perform(get("/sign/" + token + "/pages/3.png")).andExpect(status().isNotFound());
    mvc.perform(get("/sign/" + "B".repeat(43) + "/pages/1.png")).andExpect(status().isNotFound());

    mvc.perform(post("/sign/" + token).with(csrf()).param("signatureType", "typed").param("typedValue", "Anna"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("consent")));
    mvc.perform(post("/sign/" + token).with(csrf()).param("consent", "true").param("signatureType", "typed")
            .param("typedValue", "Anna"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("you have signed")));
    mvc.perform(get("/sign/" + token)).andExpect(status().isGone());
    mvc.perform(get("/sign/" + token + "/pages/1.png")).andExpect(status().isGone());
  }

  @Test
  void declineByFormNeedsAReason() throws Exception {
    String token = send("Lease", "Ben", "page.ben@example.org");
    mvc.perform(post("/sign/" + token + "/decline").with(csrf()).param("reason", " "))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/sign/" + token + "/decline").with(csrf()).param("reason", "Not mine"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("declined")));
    mvc.perform(get("/sign/" + token)).andExpect(status().isGone());
  }

  @Test
  void unknownLinkIsA404Page() throws Exception {
    mvc.perform(get("/sign/not-a-token")).andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("not valid")));
  }

  private String send(String title, String name, String email) throws Exception {
    Map<String, Object> request = Map.of("title", title, "signers", List.of(Map.of("name", name, "email", email)),
        "fields", List.of(Map.of("type", "signature", "signer", 0, "page", 1, "x", 72, "y", 100, "width", 200,
            "height", 40)));
    String body = mvc.perform(multipart("/api/signature-requests")
            .file(new MockMultipartFile("file", "lease.pdf", "application/pdf", pdf(2)))
            .file(new MockMultipartFile("request", "", "application/json", json.writeValueAsBytes(request)))
            .with(httpBasic("sender", "demo")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String id = json.readTree(body).get("id").asText();
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    managementService.createJobQuery().processInstanceId(pi).messages().list()
        .forEach(j -> managementService.executeJob(j.getId()));
    return SigningFixtures.tokenIn(jdbc.queryForObject("select body from outbound_mail where recipient = ?",
        String.class, email));
  }
}
