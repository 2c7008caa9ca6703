package io.sigill.signing;

import io.sigill.vault.AccessContext;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signer's pages: {@code /sign/{token}} to read and sign or decline, with page images. */
@Controller
@RequestMapping("/sign/{token}")
class SignerPageController {

  private final SignerActions actions;
  private final SigningPages pages;

  SignerPageController(SignerActions actions, SigningPages pages) {
    this.actions = actions;
    this.pages = pages;
  }

  /** A field placed on the page image, in percent of the page so it scales with the screen. */
  record PlacedField(String id, String type, int page, double left, double bottom, double width, double height,
      boolean required) {}

  @GetMapping
  String page(@PathVariable String token, HttpServletRequest http, HttpServletResponse response, Model model) {
    noStore(response);
    AccessContext ctx = SignatureRequestController.context(http);
    if (actions.hasCopy(token)) {
      model.addAttribute("token", token);
      return "sign-copy";
    }
    SignerActions.SigningView view = actions.open(token, ctx);
    show(token, view, pages.sizes(token, ctx), model);
    return "sign";
  }

  @PostMapping
  String sign(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, HttpServletRequest http,
      HttpServletResponse response, Model model) {
    noStore(response);
    AccessContext ctx = SignatureRequestController.context(http);
    Map<String, String> fields = new HashMap<>();
    form.forEach((name, values) -> {
      if (name.startsWith("field_") && !values.isEmpty()) {
        fields.put(name.substring("field_".length()), values.get(values.size() - 1));
      }
    });
    String type = form.getFirst("signatureType");
    String value = "drawn".equals(type) ? form.getFirst("drawnValue") : form.getFirst("typedValue");
    SignerActions.Submission submission = new SignerActions.Submission(
        "true".equals(form.getFirst("consent")), fields, new SignerActions.SignatureInput(type, value));
    try {
      actions.sign(token, submission, ctx);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problem", e.getMessage());
      show(token, actions.open(token, ctx), pages.sizes(token, ctx), model);
      return "sign";
    }
    model.addAttribute("outcome", "signed");
    return "sign-done";
  }

  @PostMapping("/decline")
  String decline(@PathVariable String token, @RequestParam(required = false) String reason, HttpServletRequest http,
      HttpServletResponse response, Model model) {
    noStore(response);
    AccessContext ctx = SignatureRequestController.context(http);
    try {
      actions.decline(token, reason, ctx);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problem", "Please give a reason for declining (at most " + SignerActions.MAX_REASON
          + " characters).");
      show(token, actions.open(token, ctx), pages.sizes(token, ctx), model);
      return "sign";
    }
    model.addAttribute("outcome", "declined");
    return "sign-done";
  }

  /** The signer's copy of the completed, sealed PDF, behind the same link they signed with. */
  @GetMapping("/document")
  ResponseEntity<InputStreamResource> copy(@PathVariable String token, HttpServletRequest http) {
    return SignatureRequestController.pdf(actions.copy(token, SignatureRequestController.context(http)));
  }

  @GetMapping("/pages/{n}.png")
  ResponseEntity<byte[]> pageImage(@PathVariable String token, @PathVariable int n, HttpServletRequest http) {
    byte[] png = pages.png(token, n, SignatureRequestController.context(http));
    if (png == null) {
      throw new NotFoundException("No such page");
    }
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
  }

  @ExceptionHandler(SigningLinkGoneException.class)
  String gone(SigningLinkGoneException e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.GONE.value());
    model.addAttribute("message", e.getMessage());
    return "sign-gone";
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("message", "This signing link is not valid. Please use the link from your most recent email.");
    return "sign-gone";
  }

  @ExceptionHandler(SigningConflictException.class)
  String conflict(SigningConflictException e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.CONFLICT.value());
    model.addAttribute("message", e.getMessage());
    return "sign-gone";
  }

  private static void show(String token, SignerActions.SigningView view, List<PdfPages.PageSize> sizes, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("view", view);
    model.addAttribute("pageNumbers", java.util.stream.IntStream.rangeClosed(1, sizes.size()).boxed().toList());
    model.addAttribute("fields", view.fields().stream().map(f -> {
      PdfPages.PageSize size = sizes.get(Math.min(f.page(), sizes.size()) - 1);
      return new PlacedField(f.id(), f.type(), f.page(), 100 * f.x() / size.width(), 100 * f.y() / size.height(),
          100 * f.width() / size.width(), 100 * f.height() / size.height(), f.required());
    }).toList());
    model.addAttribute("inputFields", view.fields().stream()
        .filter(f -> f.type().equals("text") || f.type().equals("checkbox")).toList());
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
  }
}
