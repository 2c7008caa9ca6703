package io.sigill.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Log out" in Tasklist, Cockpit or Admin also ends the Sigill session. Without this the webapps
 * would sign the user straight back in from the still-valid Spring session: someone who logged
 * out on a shared machine would not be logged out.
 */
@Configuration
class CamundaLogoutBridge {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> camundaLogoutEndsSigillSession() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        chain.doFilter(request, response);
        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout")) {
          SecurityContextHolder.clearContext();
          HttpSession session = request.getSession(false);
          if (session != null) {
            session.invalidate();
          }
        }
      }
    });
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    // Before Camunda's own filters, so this runs after them on the way back.
    registration.setOrder(Integer.MAX_VALUE - 20);
    return registration;
  }
}
