package io.sigill.signing;

import io.sigill.identity.SigillUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/settings/callback} (org-admin) and the delivery attempts of a request (its org's senders). */
@RestController
class WebhookController {

  private final Webhooks webhooks;
  private final SignatureRequests requests;

  WebhookController(Webhooks webhooks, SignatureRequests requests) {
    this.webhooks = webhooks;
    this.requests = requests;
  }

  @PutMapping("/api/settings/callback")
  Webhooks.CallbackView configure(@AuthenticationPrincipal SigillUser user, @RequestBody Webhooks.CallbackSetting setting) {
    return webhooks.configure(user, setting);
  }

  @GetMapping("/api/settings/callback")
  Webhooks.CallbackView current(@AuthenticationPrincipal SigillUser user) {
    return webhooks.current(user);
  }

  @GetMapping("/api/signature-requests/{id}/webhook-deliveries")
  List<Webhooks.DeliveryView> deliveries(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    requests.find(id, user); // 404 for another org's id
    return webhooks.deliveriesOf(id);
  }
}
