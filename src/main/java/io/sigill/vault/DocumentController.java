package io.sigill.vault;

import io.sigill.identity.SigillUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload, describe, download and crypto-shred documents. Every byte goes through the vault. */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

  private final DocumentVault vault;

  DocumentController(DocumentVault vault) {
    this.vault = vault;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Stored> upload(
      @RequestParam("file") MultipartFile file, @AuthenticationPrincipal SigillUser user, HttpServletRequest request)
      throws IOException {
    // The declared content type is ignored on purpose: the vault checks the bytes.
    DocumentInfo info;
    try (InputStream in = file.getInputStream()) {
      info = vault.store(user, file.getOriginalFilename(), in, context(request));
    }
    return ResponseEntity.created(URI.create("/api/documents/" + info.id())).body(Stored.of(info));
  }

  @GetMapping("/{id}")
  DocumentInfo describe(@PathVariable String id, @AuthenticationPrincipal SigillUser user) {
    return vault.describe(id, new DocumentReader.Member(user));
  }

  @GetMapping("/{id}/content")
  ResponseEntity<Resource> content(
      @PathVariable String id, @AuthenticationPrincipal SigillUser user, HttpServletRequest request) {
    DocumentContent content = vault.open(id, new DocumentReader.Member(user), context(request));
    ResponseEntity.BodyBuilder response = ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(content.info().fileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (content.verifiedWhole()) {
      response.contentLength(content.info().size());
    }
    // A document verified as it streams goes without Content-Length (chunked): should it fail
    // midway, the connection is closed before the terminating chunk (VaultExceptionHandler), and
    // no byte count can make the prefix look complete.
    // InputStreamResource is written once and closed by Spring, which deletes the temp copy.
    return response.body(new InputStreamResource(content.stream()));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> shred(@PathVariable String id, @AuthenticationPrincipal SigillUser user, HttpServletRequest request) {
    vault.shred(id, user, context(request));
    return ResponseEntity.noContent().build();
  }

  private static AccessContext context(HttpServletRequest request) {
    return new AccessContext(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
  }

  /** The answer to an upload. */
  record Stored(String id, int version, String fileName, int pages, String sha256, long size) {
    static Stored of(DocumentInfo i) {
      return new Stored(i.id(), i.version(), i.fileName(), i.pages(), i.sha256(), i.size());
    }
  }
}
