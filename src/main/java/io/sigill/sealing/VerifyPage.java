package io.sigill.sealing;

import io.sigill.web.InvalidRequestException;
import io.sigill.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** The public {@code /verify} page: upload a sealed PDF, read the result in plain words. */
@Controller
class VerifyPage {

  private final SealVerification verification;

  VerifyPage(SealVerification verification) {
    this.verification = verification;
  }

  @GetMapping("/verify")
  String form() {
    return "verify";
  }

  @PostMapping("/verify")
  ModelAndView verify(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
    try {
      ModelAndView page = new ModelAndView("verify-result");
      page.addObject("check", verification.verify(file, request.getRemoteAddr()));
      page.addObject("fileName", file == null ? null : file.getOriginalFilename());
      return page;
    } catch (InvalidRequestException e) {
      return formWithError(e.getMessage(), HttpStatus.BAD_REQUEST);
    } catch (TooManyRequestsException e) {
      return formWithError(e.getMessage(), HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  private static ModelAndView formWithError(String message, HttpStatus status) {
    ModelAndView page = new ModelAndView("verify");
    page.addObject("error", message);
    page.setStatus(status);
    return page;
  }
}
