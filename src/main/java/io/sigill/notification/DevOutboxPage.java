package io.sigill.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/outbox}: in the embedded default (no SMTP host, dev outbox on) any signed-in user
 * reads the captured mail, so one person can play sender and signer. Otherwise it does not exist.
 */
@Controller
class DevOutboxPage {

  private final OutboundMailRepository outbox;
  private final boolean enabled;

  DevOutboxPage(OutboundMailRepository outbox, MailSettings settings, @Value("${spring.mail.host:}") String smtpHost) {
    this.outbox = outbox;
    this.enabled = settings.devOutbox() && smtpHost.isBlank();
  }

  @GetMapping("/dev/outbox")
  @Transactional(readOnly = true)
  String outbox(Model model) {
    if (!enabled) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no dev outbox: mail goes to the configured SMTP server");
    }
    model.addAttribute("mails", outbox.findTop100ByStatusOrderByCreatedAtDesc(OutboundMail.Status.CAPTURED).stream()
        .map(m -> new OutboxPage.CapturedMail(m.getRecipient(), m.getSubject(), m.getBody(), m.getCreatedAt()))
        .toList());
    return "outbox";
  }
}
