package io.sigill.signing;

import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signer API for embedded signing: {@code /api/sign/{token}}; the token is the only credential. */
@RestController
@RequestMapping("/api/sign/{token}")
class SignerApiController {

  record Decline(String reason) {}

  private final SignerActions actions;

  SignerApiController(SignerActions actions) {
    this.actions = actions;
  }

  @GetMapping
  SignerActions.SigningView view(@PathVariable String token, HttpServletRequest http) {
    return actions.open(token, SignatureRequestController.context(http));
  }

  @PostMapping
  Map<String, String> sign(@PathVariable String token, @RequestBody SignerActions.Submission submission,
      HttpServletRequest http) {
    actions.sign(token, submission, SignatureRequestController.context(http));
    return Map.of("status", SignerStatus.SIGNED.name());
  }

  /** The signer's copy of the completed, sealed PDF (404 once they asked for its deletion). */
  @GetMapping("/document")
  ResponseEntity<InputStreamResource> copy(@PathVariable String token, HttpServletRequest http) {
    return SignatureRequestController.pdf(actions.copy(token, SignatureRequestController.context(http)));
  }

  @PostMapping("/decline")
  Map<String, String> decline(@PathVariable String token, @RequestBody Decline decline, HttpServletRequest http) {
    actions.decline(token, decline == null ? null : decline.reason(), SignatureRequestController.context(http));
    return Map.of("status", SignerStatus.DECLINED.name());
  }
}
