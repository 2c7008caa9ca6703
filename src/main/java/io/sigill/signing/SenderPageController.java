package io.sigill.signing;

import io.sigill.identity.SigillUser;
import io.sigill.vault.DocumentContent;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The sender's pages: list, create (upload, signers, a signature box per signer), status, download. */
@Controller
class SenderPageController {

  static final int SIGNER_ROWS = 5;

  /** Where a signer's signature box goes on its page: a simple choice instead of drag and drop. */
  enum Position {
    BOTTOM_LEFT("Bottom left", 72, 72), BOTTOM_RIGHT("Bottom right", 340, 72),
    MIDDLE_LEFT("Middle left", 72, 380), MIDDLE_RIGHT("Middle right", 340, 380),
    TOP_LEFT("Top left", 72, 690), TOP_RIGHT("Top right", 340, 690);

    final String label;
    final double x;
    final double y;

    Position(String label, double x, double y) {
      this.label = label;
      this.x = x;
      this.y = y;
    }

    public String getLabel() {
      return label;
    }
  }

  private final SignatureRequests requests;

  SenderPageController(SignatureRequests requests) {
    this.requests = requests;
  }

  @GetMapping("/requests")
  String list(@AuthenticationPrincipal SigillUser user, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, Model model) {
    SignatureRequestStatus wanted = null;
    if (status != null && !status.isBlank()) {
      wanted = Arrays.stream(SignatureRequestStatus.values()).filter(s -> s.name().equals(status)).findFirst()
          .orElse(null);
    }
    model.addAttribute("requests", requests.list(user, wanted, page));
    model.addAttribute("statuses", SignatureRequestStatus.values());
    model.addAttribute("status", wanted);
    model.addAttribute("page", Math.max(0, page));
    return "requests";
  }

  @GetMapping("/requests/new")
  String form(Model model) {
    model.addAttribute("positions", Position.values());
    model.addAttribute("rows", java.util.stream.IntStream.range(0, SIGNER_ROWS).boxed().toList());
    return "request-new";
  }

  @PostMapping("/requests")
  String create(@AuthenticationPrincipal SigillUser user, @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String message,
      @RequestParam(name = "name", required = false) List<String> names,
      @RequestParam(name = "email", required = false) List<String> emails,
      @RequestParam(name = "order", required = false) List<Integer> orders,
      @RequestParam(name = "fieldPage", required = false) List<Integer> pages,
      @RequestParam(name = "fieldPosition", required = false) List<String> positions,
      @RequestParam(defaultValue = "") String cc, @RequestParam(required = false) Integer expiresInDays,
      HttpServletRequest http, HttpServletResponse response, Model model) {
    List<NewSignatureRequest.NewSigner> signers = new ArrayList<>();
    List<NewSignatureRequest.NewField> fields = new ArrayList<>();
    int rows = names == null ? 0 : names.size();
    for (int i = 0; i < rows; i++) {
      String name = names.get(i);
      String email = at(emails, i);
      if ((name == null || name.isBlank()) && (email == null || email.isBlank())) {
        continue; // an unused row of the form
      }
      int index = signers.size();
      signers.add(new NewSignatureRequest.NewSigner(name, email == null ? null : email.strip(), at(orders, i)));
      String chosen = at(positions, i);
      Position position = Arrays.stream(Position.values()).filter(p -> p.name().equals(chosen)).findFirst()
          .orElse(Position.BOTTOM_LEFT);
      Integer fieldPage = at(pages, i);
      fields.add(new NewSignatureRequest.NewField("signature", index, fieldPage == null ? 1 : fieldPage, position.x,
          position.y, 200.0, 40.0, true));
    }
    List<String> ccList = Arrays.stream(cc.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    NewSignatureRequest form = new NewSignatureRequest(title, message, signers, ccList, fields, expiresInDays, null);
    SignatureRequests.Upload upload = file == null || file.isEmpty() ? null : new SignatureRequests.Upload() {
      @Override
      public String fileName() {
        return file.getOriginalFilename();
      }

      @Override
      public InputStream open() throws IOException {
        return file.getInputStream();
      }
    };
    try {
      SignatureRequestView created = requests.create(user, form, upload, SignatureRequestController.context(http));
      return "redirect:/requests/" + created.id();
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problem", e.getMessage());
      return form(model);
    }
  }

  @GetMapping("/requests/{id}")
  String show(@AuthenticationPrincipal SigillUser user, @PathVariable String id, Model model) {
    model.addAttribute("request", requests.find(id, user));
    return "request";
  }

  @PostMapping("/requests/{id}/cancel")
  String cancel(@AuthenticationPrincipal SigillUser user, @PathVariable String id, HttpServletRequest http) {
    requests.cancel(id, user, SignatureRequestController.context(http));
    return "redirect:/requests/" + id;
  }

  @PostMapping("/requests/{id}/remind")
  String remind(@AuthenticationPrincipal SigillUser user, @PathVariable String id) {
    requests.remind(id, user);
    return "redirect:/requests/" + id + "?reminded";
  }

  @GetMapping("/requests/{id}/document")
  ResponseEntity<InputStreamResource> document(@AuthenticationPrincipal SigillUser user, @PathVariable String id,
      @RequestParam(defaultValue = "original") String version, HttpServletRequest http) {
    return SignatureRequestController.pdf(requests.document(id, version, user, SignatureRequestController.context(http)));
  }

  @ExceptionHandler({NotFoundException.class, SigningConflictException.class, InvalidRequestException.class})
  String refused(RuntimeException e, HttpServletResponse response, Model model) {
    HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
        : e instanceof SigningConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("message", e.getMessage());
    return "request-refused";
  }

  private static <T> T at(List<T> list, int i) {
    return list == null || i >= list.size() ? null : list.get(i);
  }
}
