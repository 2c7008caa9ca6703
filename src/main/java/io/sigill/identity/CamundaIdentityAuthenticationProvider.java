package io.sigill.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity service, the one user store that
 * Tasklist, Cockpit and the API share. Camunda throttles repeated failures per user.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final Members members;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, Members members) {
    this.identityService = identityService;
    this.members = members;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    if (!identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    SigillUser user =
        members.load(userId).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, Members.authoritiesOf(user.groups()));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
