package io.sigill.identity;

import io.sigill.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three doors: {@code /api} (HTTP Basic or API key, stateless), {@code /engine-rest} (HTTP Basic,
 * stateless, Camunda authorization applies) and everything else (form login with a session; the
 * Camunda webapps reuse that login through {@link CamundaWebappSso}).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

  @Bean
  AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  @Bean
  AuthenticationEntryPoint problemEntryPoint(ProblemResponses problems) {
    return (request, response, ex) ->
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication is required: use HTTP Basic or an API key (Authorization: Bearer ...)");
  }

  @Bean
  AccessDeniedHandler problemAccessDenied(ProblemResponses problems) {
    return (request, response, ex) ->
        problems.write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this action");
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      ApiKeys apiKeys,
      AuthenticationEntryPoint problemEntryPoint,
      AccessDeniedHandler problemAccessDenied)
      throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.POST, "/api/incidents", "/api/verify", "/api/privacy/deletion-requests").permitAll()
                    // Signers have no account: the token in the path is their credential.
                    .requestMatchers("/api/sign/**").permitAll()
                    .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problemEntryPoint), BasicAuthenticationFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless: no cookie ever authenticates /api, so there is nothing for CSRF to forge.
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(problemEntryPoint).accessDeniedHandler(problemAccessDenied));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain engineRestChain(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      AuthenticationEntryPoint problemEntryPoint)
      throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problemEntryPoint));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager authenticationManager)
      throws Exception {
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/", "/login", "/error", "/report-incident", "/report-incident/**", "/verify", "/sign/**", "/privacy/**",
                        "/css/**", "/favicon.ico", "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**").hasRole("camunda-admin")
                    .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        // The Camunda webapps carry their own CSRF protection (X-XSRF-TOKEN) on /camunda/api.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
        .headers(
            h ->
                h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(f -> f.sameOrigin()));
    return http.build();
  }
}
