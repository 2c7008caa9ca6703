package io.sigill.sealing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/verify}: anyone may check a sealed PDF, no login. */
@RestController
class VerificationController {

  private final SealVerification verification;

  VerificationController(SealVerification verification) {
    this.verification = verification;
  }

  @PostMapping(path = "/api/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  SealCheck verify(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
    return verification.verify(file, request.getRemoteAddr());
  }
}
