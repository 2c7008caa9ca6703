package io.sigill.notification;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /dev/outbox} in the embedded default: any signed-in user reads captured mail, escaped. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DevOutboxPageTests {

  @Autowired Mailer mailer;
  @Autowired MockMvc mvc;

  @Test
  void signedInUserReadsCapturedMailEscapedAndAnonymousIsSentToLogin() throws Exception {
    String key = "dev-outbox:" + UUID.randomUUID();
    mailer.send(key, "dev@example.org", "Dev <i>subject</i>", "Body with <script>x</script>", "<p>html</p>", null);

    mvc.perform(get("/dev/outbox").with(user("sender").roles("sender")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Dev &lt;i&gt;subject&lt;/i&gt;")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("&lt;script&gt;x&lt;/script&gt;")));
    mvc.perform(get("/dev/outbox")).andExpect(status().is3xxRedirection());
  }
}
