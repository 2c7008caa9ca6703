package io.sigill.retention;

import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import io.sigill.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of a data subject's deletion request: {@code /privacy/delete} to ask, and
 * {@code /privacy/confirm/{token}} to confirm from the emailed link. Confirming takes a button
 * press (a POST), so a mail scanner that fetches the link confirms nothing.
 */
@Controller
@RequestMapping("/privacy")
class PrivacyPage {

  private final DeletionRequests deletions;
  private final SubjectDeletionRateLimit rateLimit;

  PrivacyPage(DeletionRequests deletions, SubjectDeletionRateLimit rateLimit) {
    this.deletions = deletions;
    this.rateLimit = rateLimit;
  }

  @GetMapping("/delete")
  String form(Model model) {
    model.addAttribute("email", "");
    return "privacy-delete";
  }

  @PostMapping("/delete")
  String request(@RequestParam(defaultValue = "") String email, HttpServletRequest http, HttpServletResponse response,
      Model model) {
    model.addAttribute("email", email);
    try {
      rateLimit.check(http.getRemoteAddr());
      deletions.requestBySubject(email);
      model.addAttribute("message", SubjectDeletionController.ANSWER);
      return "privacy-message";
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", "Please enter one valid email address.");
      return "privacy-delete";
    } catch (TooManyRequestsException e) {
      response.setStatus(429);
      model.addAttribute("error", e.getMessage());
      return "privacy-delete";
    }
  }

  @GetMapping("/confirm/{token}")
  String confirmForm(@PathVariable String token, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    if (!deletions.confirmable(token)) {
      return invalid(response, model);
    }
    model.addAttribute("token", token);
    return "privacy-confirm";
  }

  @PostMapping("/confirm/{token}")
  String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
    response.setHeader("Cache-Control", "no-store");
    try {
      deletions.confirm(token);
    } catch (NotFoundException e) {
      return invalid(response, model);
    }
    model.addAttribute("message", "Thank you: your deletion request is confirmed. Our compliance team reviews it, "
        + "and you will receive a certificate by email listing what was deleted and what must be kept for now, and why.");
    return "privacy-message";
  }

  private static String invalid(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("message", "This confirmation link is not valid or has expired (links work for 7 days). "
        + "You can ask again at any time.");
    return "privacy-message";
  }
}
