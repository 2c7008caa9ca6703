package io.sigill.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ApiKeyController {

  private final ApiKeys apiKeys;

  ApiKeyController(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  record CreateApiKey(
      @NotBlank(message = "name is required")
          @Size(max = 100, message = "name must be at most 100 characters")
          @Pattern(regexp = "[^\\r\\n]*", message = "name must be one line")
          String name) {}

  @PostMapping("/api/api-keys")
  @ResponseStatus(HttpStatus.CREATED)
  ApiKeys.IssuedKey create(
      @AuthenticationPrincipal SigillUser user, @Valid @RequestBody CreateApiKey body) {
    return apiKeys.issue(user, body.name());
  }

  @GetMapping("/api/api-keys")
  List<ApiKeys.KeySummary> list(@AuthenticationPrincipal SigillUser user) {
    return apiKeys.listOwn(user);
  }

  @DeleteMapping("/api/api-keys/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    apiKeys.revokeOwn(user, id);
  }

  record Me(String userId, String orgId, List<String> roles) {}

  @GetMapping("/api/me")
  Me me(@AuthenticationPrincipal SigillUser user) {
    return new Me(user.userId(), user.orgId(), user.groups().stream().sorted().toList());
  }
}
