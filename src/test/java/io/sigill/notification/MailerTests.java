package io.sigill.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sigill.identity.SigillUser;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The embedded default (no SMTP host): mail is captured once per dedupe key and never logged. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class MailerTests {

  @Autowired Mailer mailer;
  @Autowired OutboundMailRepository outbox;
  @Autowired MockMvc mvc;

  @Test
  void sameDedupeKeyIsCapturedOnlyOnce() {
    String key = "test:" + UUID.randomUUID();

    assertThat(mailer.send(key, "once@example.org", "Hello", "First")).isTrue();
    assertThat(mailer.send(key, "once@example.org", "Hello", "Second")).isFalse();

    assertThat(outbox.countByRecipient("once@example.org")).isEqualTo(1);
    assertThat(outbox.findAll()).filteredOn(m -> m.getDedupeKey().equals(key))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.getStatus()).isEqualTo(OutboundMail.Status.CAPTURED);
          assertThat(m.getBody()).isEqualTo("First");
        });
  }

  @Test
  void recordedKeysAreFoundAmongManyInOneLookup() {
    String sent = "test:" + UUID.randomUUID();
    String notSent = "test:" + UUID.randomUUID();
    mailer.send(sent, "among@example.org", "Hello", "Body");

    assertThat(mailer.recordedAmong(List.of(sent, notSent))).containsExactly(sent);
    assertThat(mailer.recordedAmong(List.of())).isEmpty();
  }

  @Test
  void captureLogsOneLineWithoutRecipientOrBody(CapturedOutput output) {
    mailer.send("test:" + UUID.randomUUID(), "private.person@example.org", "Receipt", "secret-body-text");

    assertThat(output.getAll()).contains("Mail captured in the outbox")
        .doesNotContain("private.person@example.org")
        .doesNotContain("secret-body-text");
  }

  @Test
  void headerInjectionThroughRecipientOrSubjectIsRejectedAndNothingIsStored() {
    long before = outbox.count();
    assertThatThrownBy(() -> mailer.send("k1:" + UUID.randomUUID(), "a@example.org\r\nBcc: b@example.org", "Hi", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("b@example.org");
    assertThatThrownBy(() -> mailer.send("k2:" + UUID.randomUUID(), "a@example.org", "Hi\nBcc: b@example.org", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mailer.send("k3:" + UUID.randomUUID(), "Someone <a@example.org>", "Hi", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(outbox.count()).isEqualTo(before);
  }

  @Test
  void outboxPageShowsCapturedMailEscapedToCamundaAdminsOnly() throws Exception {
    mailer.send("test:" + UUID.randomUUID(), "page@example.org", "<b>Subject</b>", "<script>alert(1)</script>");

    String page =
        mvc.perform(get("/outbox").with(as("admin", "camunda-admin")))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Subject&lt;/b&gt;")
        .doesNotContain("<script>alert(1)");

    mvc.perform(get("/outbox").with(as("security", "security"))).andExpect(status().isForbidden());
  }

  private static RequestPostProcessor as(String userId, String group) {
    SigillUser principal = new SigillUser(userId, "org", Set.of(group));
    return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
        UsernamePasswordAuthenticationToken.authenticated(principal, null, Set.of(new SimpleGrantedAuthority("ROLE_" + group))));
  }
}
