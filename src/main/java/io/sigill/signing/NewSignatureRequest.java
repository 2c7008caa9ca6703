package io.sigill.signing;

import io.sigill.notification.Mailer;
import io.sigill.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code request} part of {@code POST /api/signature-requests}, as the sender sends it. */
record NewSignatureRequest(
    String title,
    String message,
    List<NewSigner> signers,
    List<String> cc,
    List<NewField> fields,
    Integer expiresInDays,
    Integer reminderEveryDays) {

  record NewSigner(String name, String email, Integer order) {}

  record NewField(String type, Integer signer, Integer page, Double x, Double y, Double width, Double height,
      Boolean required) {}

  static final int MAX_TITLE = 200;
  static final int MAX_MESSAGE = 2000;
  static final int MAX_NAME = 200;
  static final int MAX_SIGNERS = 25;
  static final int MAX_CC = 25;
  static final int MAX_FIELDS = 200;
  static final int MAX_ORDER = 100;
  static final int MAX_EXPIRES_IN_DAYS = 365;
  static final int MAX_REMINDER_EVERY_DAYS = 60;

  /**
   * Every broken rule, each naming its field ({@code signers[1].email: ...}); thrown together as
   * one 400 before anything is stored. {@code pages} is the document's page count when known.
   */
  void validate(Integer pages) {
    List<String> problems = new ArrayList<>();
    oneLine("title", title, MAX_TITLE, true, problems);
    if (message != null && message.length() > MAX_MESSAGE) {
      problems.add("message: must be at most " + MAX_MESSAGE + " characters");
    }
    if (signers == null || signers.isEmpty()) {
      problems.add("signers: at least one signer is required");
    } else if (signers.size() > MAX_SIGNERS) {
      problems.add("signers: at most " + MAX_SIGNERS + " signers");
    } else {
      Set<String> emails = new HashSet<>();
      for (int i = 0; i < signers.size(); i++) {
        NewSigner s = signers.get(i);
        String at = "signers[" + i + "]";
        if (s == null) {
          problems.add(at + ": is required");
          continue;
        }
        oneLine(at + ".name", s.name(), MAX_NAME, true, problems);
        if (!Mailer.isValidAddress(s.email())) {
          problems.add(at + ".email: must be one valid email address");
        } else if (!emails.add(s.email().toLowerCase(java.util.Locale.ROOT))) {
          problems.add(at + ".email: is already a signer of this request");
        }
        if (s.order() != null && (s.order() < 1 || s.order() > MAX_ORDER)) {
          problems.add(at + ".order: must be between 1 and " + MAX_ORDER);
        }
      }
    }
    if (cc != null) {
      if (cc.size() > MAX_CC) {
        problems.add("cc: at most " + MAX_CC + " addresses");
      }
      for (int i = 0; i < cc.size(); i++) {
        if (!Mailer.isValidAddress(cc.get(i))) {
          problems.add("cc[" + i + "]: must be one valid email address");
        }
      }
    }
    validateFields(pages, problems);
    if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRES_IN_DAYS)) {
      problems.add("expiresInDays: must be between 1 and " + MAX_EXPIRES_IN_DAYS);
    }
    if (reminderEveryDays != null && (reminderEveryDays < 1 || reminderEveryDays > MAX_REMINDER_EVERY_DAYS)) {
      problems.add("reminderEveryDays: must be between 1 and " + MAX_REMINDER_EVERY_DAYS);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("The signature request is invalid: " + String.join("; ", problems));
    }
  }

  private void validateFields(Integer pages, List<String> problems) {
    if (fields == null) {
      return;
    }
    if (fields.size() > MAX_FIELDS) {
      problems.add("fields: at most " + MAX_FIELDS + " fields");
      return;
    }
    int signerCount = signers == null ? 0 : signers.size();
    for (int i = 0; i < fields.size(); i++) {
      NewField f = fields.get(i);
      String at = "fields[" + i + "]";
      if (f == null) {
        problems.add(at + ": is required");
        continue;
      }
      if (f.type() == null || FieldType.ofJsonName(f.type()).isEmpty()) {
        problems.add(at + ".type: must be one of signature, initials, date_signed, text, checkbox");
      }
      if (f.signer() == null || f.signer() < 0 || f.signer() >= signerCount) {
        problems.add(at + ".signer: must be the index of a signer (0 to " + (signerCount - 1) + ")");
      }
      if (f.page() == null || f.page() < 1 || (pages != null && f.page() > pages)) {
        problems.add(at + ".page: must be a page of the document (1 to " + (pages == null ? "n" : pages) + ")");
      }
      coordinate(at + ".x", f.x(), false, problems);
      coordinate(at + ".y", f.y(), false, problems);
      coordinate(at + ".width", f.width(), true, problems);
      coordinate(at + ".height", f.height(), true, problems);
    }
  }

  private static void coordinate(String at, Double value, boolean positive, List<String> problems) {
    if (value == null || value.isNaN() || value.isInfinite() || value < 0 || value > 14_400
        || (positive && value == 0)) {
      problems.add(at + ": must be a number of PDF points between 0 and 14400" + (positive ? ", above 0" : ""));
    }
  }

  static void oneLine(String at, String value, int max, boolean required, List<String> problems) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(at + ": is required");
      }
    } else if (value.length() > max) {
      problems.add(at + ": must be at most " + max + " characters");
    } else if (value.chars().anyMatch(Character::isISOControl)) {
      problems.add(at + ": must be one line without control characters (no CR/LF)");
    }
  }

  int orderOf(int signerIndex) {
    Integer order = signers.get(signerIndex).order();
    return order == null ? 1 : order;
  }
}
