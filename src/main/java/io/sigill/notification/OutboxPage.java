package io.sigill.notification;

import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import java.time.Instant;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /outbox}: the mails captured when no SMTP host is configured, for camunda-admin only. */
@Controller
class OutboxPage {

  record CapturedMail(String recipient, String subject, String body, Instant createdAt) {}

  private final OutboundMailRepository outbox;

  OutboxPage(OutboundMailRepository outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/outbox")
  @Transactional(readOnly = true)
  String outbox(@AuthenticationPrincipal SigillUser user, Model model) {
    if (user == null || !user.hasRole(Role.CAMUNDA_ADMIN)) {
      throw new AccessDeniedException("Only camunda-admin may read the outbox");
    }
    model.addAttribute("mails", outbox.findTop100ByStatusOrderByCreatedAtDesc(OutboundMail.Status.CAPTURED).stream()
        .map(m -> new CapturedMail(m.getRecipient(), m.getSubject(), m.getBody(), m.getCreatedAt()))
        .toList());
    return "outbox";
  }
}
