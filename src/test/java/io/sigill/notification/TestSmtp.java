package io.sigill.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real SMTP server (GreenMail) on a free port for a test class, and Spring Mail pointed at it. */
public final class TestSmtp {

  private TestSmtp() {}

  /** One server for the whole class: register it with {@code @RegisterExtension static}. */
  public static GreenMailExtension server() {
    return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
  }

  /** Call from the class's {@code @DynamicPropertySource}. */
  public static void register(DynamicPropertyRegistry registry, GreenMailExtension server) {
    registry.add("spring.mail.host", () -> server.getSmtp().getBindTo());
    registry.add("spring.mail.port", () -> server.getSmtp().getPort());
  }
}
