package io.sigill.compliance;

import io.sigill.identity.SigillUser;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public page {@code /report-incident}: anyone can report a security incident, no account needed. */
@Controller
@RequestMapping("/report-incident")
class IncidentReportPage {

  record ReportForm(String title, String description, String reporterEmail) {}

  private final IncidentReports reports;
  private final IncidentReportRateLimit rateLimit;

  IncidentReportPage(IncidentReports reports, IncidentReportRateLimit rateLimit) {
    this.reports = reports;
    this.rateLimit = rateLimit;
  }

  @GetMapping
  String form(Model model) {
    model.addAttribute("form", new ReportForm("", "", ""));
    return "report-incident";
  }

  @PostMapping
  String submit(
      @ModelAttribute("form") ReportForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      @AuthenticationPrincipal SigillUser user,
      Model model,
      RedirectAttributes redirect) {
    try {
      rateLimit.check(request.getRemoteAddr());
      String id = reports.report(form.title(), form.description(), form.reporterEmail(), user == null ? null : user.orgId(),
        user == null ? null : user.userId());
      redirect.addFlashAttribute("incidentId", id);
      return "redirect:/report-incident/received";
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
      return "report-incident";
    } catch (TooManyRequestsException e) {
      response.setStatus(429);
      model.addAttribute("error", e.getMessage());
      return "report-incident";
    }
  }

  @GetMapping("/received")
  String received(Model model) {
    if (!model.containsAttribute("incidentId")) {
      return "redirect:/report-incident";
    }
    return "report-incident-received";
  }
}
