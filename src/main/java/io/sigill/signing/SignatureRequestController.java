package io.sigill.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.identity.SigillUser;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentContent;
import io.sigill.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The sender API: {@code /api/signature-requests}. */
@RestController
@RequestMapping("/api/signature-requests")
class SignatureRequestController {

  private final SignatureRequests requests;
  private final ObjectMapper objectMapper;

  SignatureRequestController(SignatureRequests requests, ObjectMapper objectMapper) {
    this.requests = requests;
    this.objectMapper = objectMapper;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<SignatureRequestView> create(@AuthenticationPrincipal SigillUser user,
      @RequestPart("file") MultipartFile file, @RequestPart("request") String request, HttpServletRequest http) {
    NewSignatureRequest form;
    try {
      form = objectMapper.readValue(request, NewSignatureRequest.class);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("The signature request is invalid: request: is not JSON of the expected shape");
    }
    if (form == null) {
      throw new InvalidRequestException("The signature request is invalid: request: is required");
    }
    SignatureRequests.Upload upload = file.isEmpty() ? null : new SignatureRequests.Upload() {
      @Override
      public String fileName() {
        return file.getOriginalFilename();
      }

      @Override
      public InputStream open() throws IOException {
        return file.getInputStream();
      }
    };
    SignatureRequestView created = requests.create(user, form, upload, context(http));
    return ResponseEntity.created(URI.create("/api/signature-requests/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  SignatureRequestView get(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    return requests.find(id, user);
  }

  @GetMapping
  List<SignatureRequestView.Summary> list(@AuthenticationPrincipal SigillUser user,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page) {
    SignatureRequestStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = SignatureRequestStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("status: must be one of SENT, COMPLETED, DECLINED, EXPIRED, CANCELED");
      }
    }
    return requests.list(user, wanted, page);
  }

  @PostMapping("/{id}/cancel")
  SignatureRequestView cancel(@AuthenticationPrincipal SigillUser user, @PathVariable String id, HttpServletRequest http) {
    return requests.cancel(id, user, context(http));
  }

  @PostMapping("/{id}/remind")
  Map<String, Integer> remind(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    return Map.of("reminded", requests.remind(id, user));
  }

  @GetMapping("/{id}/document")
  ResponseEntity<InputStreamResource> document(@AuthenticationPrincipal SigillUser user, @PathVariable String id,
      @RequestParam(defaultValue = "original") String version, HttpServletRequest http) {
    return pdf(requests.document(id, version, user, context(http)));
  }

  /** A document from the vault as a PDF download under its (sanitized) file name. */
  static ResponseEntity<InputStreamResource> pdf(DocumentContent content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(content.info().fileName()).build().toString())
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .body(new InputStreamResource(content.stream()));
  }

  static AccessContext context(HttpServletRequest http) {
    return new AccessContext(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
  }
}
