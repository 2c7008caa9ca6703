package io.sigill.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public page /report-incident: no login, CSRF-protected, escaped, clear on bad input. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IncidentReportPageTests {

  private static final AtomicInteger CLIENT = new AtomicInteger(1);

  @Autowired MockMvc mvc;
  @Autowired SecurityIncidentRepository incidents;

  @Test
  void formIsPublicAndCarriesACsrfToken() throws Exception {
    String page = mvc.perform(get("/report-incident")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("name=\"_csrf\"", "name=\"title\"", "name=\"description\"", "name=\"reporterEmail\"");
  }

  @Test
  void validReportShowsTheIncidentIdOnTheConfirmation() throws Exception {
    long before = incidents.count();
    MvcResult posted =
        mvc.perform(submit("Exposed admin page", "The admin page answered without login.", "finder@example.org"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/report-incident/received"))
            .andReturn();
    String id = (String) posted.getFlashMap().get("incidentId");
    assertThat(incidents.findById(id)).isPresent();
    assertThat(incidents.count()).isEqualTo(before + 1);

    String confirmation =
        mvc.perform(get("/report-incident/received").flashAttr("incidentId", id))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    assertThat(confirmation).contains(id);
  }

  @Test
  void invalidReportIsExplainedOnThePageWithInputEscapedAndNothingStored() throws Exception {
    long before = incidents.count();
    String page =
        mvc.perform(submit("<script>alert('x')</script>", "Some text", "not-an-email"))
            .andExpect(status().isBadRequest())
            .andReturn().getResponse().getContentAsString();

    assertThat(page).contains("reporterEmail: must be one valid email address")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert");
    assertThat(incidents.count()).isEqualTo(before);
  }

  @Test
  void postWithoutCsrfTokenIsRefused() throws Exception {
    long before = incidents.count();
    mvc.perform(post("/report-incident").with(from())
            .param("title", "t").param("description", "d").param("reporterEmail", "a@example.org"))
        .andExpect(status().isForbidden());
    assertThat(incidents.count()).isEqualTo(before);
  }

  @Test
  void confirmationWithoutAReportGoesBackToTheForm() throws Exception {
    mvc.perform(get("/report-incident/received")).andExpect(redirectedUrl("/report-incident"));
  }

  private static MockHttpServletRequestBuilder submit(String title, String description, String email) {
    return post("/report-incident").with(csrf()).with(from())
        .param("title", title).param("description", description).param("reporterEmail", email);
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor from() {
    String address = "10.2.0." + CLIENT.incrementAndGet();
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
