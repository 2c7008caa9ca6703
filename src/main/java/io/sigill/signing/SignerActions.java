package io.sigill.signing;

import static io.sigill.signing.SigningProcessVariables.MESSAGE_DECLINED;
import static io.sigill.signing.SigningProcessVariables.MESSAGE_SIGNED;
import static io.sigill.signing.SigningProcessVariables.SIGNER_ID;

import io.sigill.audit.Actor;
import io.sigill.audit.AuditEventType;
import io.sigill.audit.AuditTrail;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentContent;
import io.sigill.vault.DocumentReader;
import io.sigill.vault.DocumentVault;
import io.sigill.web.InvalidRequestException;
import io.sigill.web.NotFoundException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a signer does through a token: open, sign, decline. Each resolves the token to its one
 * signer (locked), refuses a used or expired link with nothing changed, and otherwise changes the
 * signer, writes the audit event with IP and user agent, and moves the process, in one transaction.
 */
@Service
class SignerActions {

  static final int MAX_ATTEMPTS = 5;
  static final int MAX_REASON = 1000;
  static final int MAX_TYPED = 200;
  static final int MAX_DRAWN = 200_000;
  static final int MAX_TEXT = 1000;
  private static final Pattern DRAWN = Pattern.compile("data:image/png;base64,[A-Za-z0-9+/=]+");

  /** The signer's submission ({@code POST /api/sign/{token}}). */
  record Submission(Boolean consent, Map<String, String> fields, SignatureInput signature) {}

  record SignatureInput(String type, String value) {}

  /** What the signer sees: the request, who they are, the page count and their own fields. */
  record SigningView(RequestPart request, SignerPart signer, int pages, List<FieldPart> fields) {}

  record RequestPart(String title, String message) {}

  record SignerPart(String name, String email) {}

  record FieldPart(String id, String type, int page, double x, double y, double width, double height,
      boolean required) {}

  private final SignerTokens tokens;
  private final SignerRepository signers;
  private final AuditTrail auditTrail;
  private final RuntimeService runtimeService;
  private final DocumentVault vault;
  private final TransactionTemplate readOnly;
  private final TransactionTemplate writable;
  private final Webhooks webhooks;

  SignerActions(SignerTokens tokens, SignerRepository signers, AuditTrail auditTrail, RuntimeService runtimeService,
      DocumentVault vault, PlatformTransactionManager transactionManager, Webhooks webhooks) {
    this.webhooks = webhooks;
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.writable = new TransactionTemplate(transactionManager);
    this.tokens = tokens;
    this.signers = signers;
    this.auditTrail = auditTrail;
    this.runtimeService = runtimeService;
    this.vault = vault;
  }

  /** Opens the link: the first time, the signer becomes VIEWED and the opening is audited. */
  @Transactional
  SigningView open(String token, AccessContext ctx) {
    Signer signer = live(token);
    SignatureRequest request = signer.getRequest();
    if (signer.viewed(now())) {
      auditTrail.recordLater(AuditEventType.SIGNER_OPENED, request.getId(), request.getOrgId(), Actor.signer(signer.getId()),
          Map.of("signerId", signer.getId()), ctx.ip(), ctx.userAgent());
      webhooks.emit(request, Webhooks.Event.VIEWED, signer.getId());
    }
    int pages = vault.describe(request.getDocumentId(), new DocumentReader.Signer(signer.getId())).pages();
    return new SigningView(new RequestPart(request.getTitle(), request.getMessage()),
        new SignerPart(signer.getName(), signer.getEmail()), pages,
        fieldsOf(signer).stream()
            .map(f -> new FieldPart(f.getId(), f.getType().jsonName(), f.getPage(), f.getX(), f.getY(), f.getWidth(),
                f.getHeight(), f.isRequired()))
            .toList());
  }

  /** The document for rendering pages, read through the vault as this signer (authorized, audited). */
  DocumentContent document(String token, AccessContext ctx) {
    String[] ids = readOnly.execute(s -> {
      Signer signer = liveReadOnly(token);
      return new String[] {signer.getId(), signer.getRequest().getDocumentId()};
    });
    return vault.open(ids[1], new DocumentReader.Signer(ids[0]), ctx);
  }

  /**
   * The signer's own copy of the completed, sealed PDF: the signing link stays their key to it
   * until they ask for its deletion. Read through the vault as this signer (authorized, audited).
   */
  DocumentContent copy(String token, AccessContext ctx) {
    CopyRef copy = copyRef(token);
    return vault.open(copy.documentId(), new DocumentReader.Signer(copy.signerId()), ctx);
  }

  /** Whether the link belongs to a signer of a completed request who still has their copy (not deleted). */
  boolean hasCopy(String token) {
    try {
      CopyRef copy = copyRef(token);
      vault.describe(copy.documentId(), new DocumentReader.Signer(copy.signerId()));
      return true;
    } catch (NotFoundException | SigningLinkGoneException e) {
      return false;
    }
  }

  private record CopyRef(String signerId, String documentId) {}

  /** The signer and sealed document of the link's completed request; unknown link 404, no copy 410. */
  private CopyRef copyRef(String token) {
    return readOnly.execute(s -> {
      SignerToken found = tokens.find(token).orElseThrow(SignerActions::unknown);
      Signer signer = signers.findById(found.getSignerId()).orElseThrow(SignerActions::unknown);
      SignatureRequest request = signer.getRequest();
      if (request.getStatus() != SignatureRequestStatus.COMPLETED || signer.getStatus() != SignerStatus.SIGNED
          || request.getFinalDocumentId() == null) {
        throw new SigningLinkGoneException("There is no completed copy for this link");
      }
      return new CopyRef(signer.getId(), request.getFinalDocumentId());
    });
  }

  /**
   * Records the signature and moves the process. Signers of one group may sign at the same
   * moment; the engine then refuses one of the two transactions (optimistic locking on the shared
   * multi-instance execution), which is simply run again.
   */
  void sign(String token, Submission submission, AccessContext ctx) {
    retryingOnConflict(() -> signOnce(token, submission, ctx));
  }

  void decline(String token, String reason, AccessContext ctx) {
    retryingOnConflict(() -> declineOnce(token, reason, ctx));
  }

  private void retryingOnConflict(Runnable action) {
    for (int attempt = 1; ; attempt++) {
      try {
        writable.executeWithoutResult(s -> action.run());
        return;
      } catch (OptimisticLockingException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void signOnce(String token, Submission submission, AccessContext ctx) {
    Signer signer = live(token);
    SignatureRequest request = signer.getRequest();
    List<String> problems = new ArrayList<>();
    if (submission == null || !Boolean.TRUE.equals(submission.consent())) {
      problems.add("consent: you must consent to sign electronically");
    }
    SignatureInput signature = submission == null ? null : submission.signature();
    String type = signature == null ? null : signature.type();
    String value = signature == null ? null : signature.value();
    if (!"typed".equals(type) && !"drawn".equals(type)) {
      problems.add("signature.type: must be typed or drawn");
    } else if (value == null || value.isBlank()) {
      problems.add("signature.value: is required");
    } else if ("typed".equals(type)) {
      NewSignatureRequest.oneLine("signature.value", value, MAX_TYPED, true, problems);
    } else if (value.length() > MAX_DRAWN || !DRAWN.matcher(value).matches()) {
      problems.add("signature.value: must be a PNG data URL of at most " + MAX_DRAWN + " characters");
    } else if (!isDrawableImage(value)) {
      problems.add("signature.value: is not a readable PNG image of at most 2000 x 1000 pixels");
    }
    Map<String, String> given = submission == null || submission.fields() == null ? Map.of() : submission.fields();
    List<SignatureField> mine = fieldsOf(signer);
    Set<String> myIds = mine.stream().map(SignatureField::getId).collect(Collectors.toSet());
    for (String id : given.keySet()) {
      if (!myIds.contains(id)) {
        problems.add("fields." + id + ": is not one of your fields");
      }
    }
    Map<SignatureField, String> values = new HashMap<>();
    Instant now = now();
    for (SignatureField f : mine) {
      String v = given.get(f.getId());
      switch (f.getType()) {
        case TEXT -> {
          if (v == null || v.isBlank()) {
            if (f.isRequired()) {
              problems.add("fields." + f.getId() + ": is required");
            }
          } else if (v.length() > MAX_TEXT || v.chars().anyMatch(Character::isISOControl)) {
            problems.add("fields." + f.getId() + ": must be one line of at most " + MAX_TEXT + " characters");
          } else {
            values.put(f, v);
          }
        }
        case CHECKBOX -> {
          if (v != null && !v.equals("true") && !v.equals("false")) {
            problems.add("fields." + f.getId() + ": must be true or false");
          } else if (f.isRequired() && !"true".equals(v)) {
            problems.add("fields." + f.getId() + ": must be checked");
          } else {
            values.put(f, v == null ? "false" : v);
          }
        }
        case DATE_SIGNED -> values.put(f, DateTimeFormatter.ISO_LOCAL_DATE.format(now.atOffset(ZoneOffset.UTC)));
        case SIGNATURE, INITIALS -> values.put(f, "typed".equals(type) ? value : "[drawn signature]");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("The signature is invalid: " + String.join("; ", problems));
    }
    values.forEach((f, v) -> f.fill(v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v));
    signer.signed(now, type, value);
    signers.flush();
    auditTrail.recordLater(AuditEventType.SIGNER_SIGNED, request.getId(), request.getOrgId(), Actor.signer(signer.getId()),
        Map.of("signerId", signer.getId(), "consent", true, "signatureType", type, "fieldsFilled", values.size()),
        ctx.ip(), ctx.userAgent());
    deliver(MESSAGE_SIGNED, request.getId(), signer.getId());
    webhooks.emit(request, Webhooks.Event.SIGNED, signer.getId());
  }

  private void declineOnce(String token, String reason, AccessContext ctx) {
    Signer signer = live(token);
    SignatureRequest request = signer.getRequest();
    List<String> problems = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      problems.add("reason: is required");
    } else if (reason.length() > MAX_REASON) {
      problems.add("reason: must be at most " + MAX_REASON + " characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("The decline is invalid: " + String.join("; ", problems));
    }
    Instant now = now();
    signer.declined(now, reason.strip());
    request.end(SignatureRequestStatus.DECLINED, now);
    signers.flush();
    auditTrail.recordLater(AuditEventType.SIGNER_DECLINED, request.getId(), request.getOrgId(), Actor.signer(signer.getId()),
        Map.of("signerId", signer.getId(), "reason", SigningSteps.personal(signer.getId(), reason.strip())),
        ctx.ip(), ctx.userAgent());
    deliver(MESSAGE_DECLINED, request.getId(), signer.getId());
    webhooks.emit(request, Webhooks.Event.DECLINED, signer.getId());
  }

  /** The execution of this signer's branch waiting for the message (signer ids are unique per request). */
  private void deliver(String message, String requestId, String signerId) {
    List<Execution> waiting = runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(requestId)
        .messageEventSubscriptionName(message)
        .list();
    for (Execution e : waiting) {
      if (signerId.equals(runtimeService.getVariable(e.getId(), SIGNER_ID))) {
        runtimeService.messageEventReceived(message, e.getId());
        return;
      }
    }
    throw new SigningConflictException("This signer is not expected to sign right now");
  }

  private Signer live(String token) {
    SignerToken found = tokens.find(token).orElseThrow(SignerActions::unknown);
    Signer signer = signers.lockById(found.getSignerId()).orElseThrow(SignerActions::unknown);
    return checkLive(signer);
  }

  private Signer liveReadOnly(String token) {
    SignerToken found = tokens.find(token).orElseThrow(SignerActions::unknown);
    return checkLive(signers.findById(found.getSignerId()).orElseThrow(SignerActions::unknown));
  }

  static Signer checkLive(Signer signer) {
    SignatureRequest request = signer.getRequest();
    if (signer.getStatus() == SignerStatus.SIGNED) {
      throw new SigningLinkGoneException("You have already signed this document; the link no longer works");
    }
    if (signer.getStatus() == SignerStatus.DECLINED) {
      throw new SigningLinkGoneException("You have declined this document; the link no longer works");
    }
    if (!request.isOpen()) {
      throw new SigningLinkGoneException("This signature request has ended (" + request.getStatus().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    if (!request.isLiveAt(now())) {
      throw new SigningLinkGoneException("This signature request has expired");
    }
    return signer;
  }

  private static List<SignatureField> fieldsOf(Signer signer) {
    return signer.getRequest().getFields().stream().filter(f -> f.getSigner().getId().equals(signer.getId())).toList();
  }

  private static NotFoundException unknown() {
    return new NotFoundException("This signing link is not valid");
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** A drawn signature is stamped into the sealed PDF: it must decode, and stay of a sane size. */
  static boolean isDrawableImage(String dataUrl) {
    try {
      byte[] png = java.util.Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
      java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
      return image != null && image.getWidth() <= 2000 && image.getHeight() <= 1000;
    } catch (IllegalArgumentException | java.io.IOException e) {
      return false;
    }
  }
}
