package io.sigill.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends every mail of Sigill at most once per dedupe key, so a retried process step sends nothing
 * twice. With an SMTP host the mail goes out and is recorded SENT in its own transaction right
 * after the send (a later rollback of the caller cannot forget it); without one, the mail is
 * captured in the outbox in the caller's transaction (the embedded default).
 */
@Component
public class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);
  static final int MAX_SUBJECT = 200;
  static final int MAX_BODY = 10_000;

  private final OutboundMailRepository outbox;
  private final EntityManager entities;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate ownTransaction;
  private final MailSettings settings;
  private final boolean smtp;

  Mailer(
      OutboundMailRepository outbox,
      EntityManager entities,
      ObjectProvider<JavaMailSender> mailSender,
      PlatformTransactionManager transactionManager,
      MailSettings settings,
      @Value("${spring.mail.host:}") String smtpHost) {
    this.outbox = outbox;
    this.entities = entities;
    this.mailSender = mailSender;
    this.settings = settings;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // Boot creates a JavaMailSender for any spring.mail.host, even an empty one: blank means capture.
    this.smtp = !smtpHost.isBlank();
  }

  /**
   * True when a mail leaves before the caller's transaction commits (an SMTP server is configured):
   * whatever the mail refers to must then be committed first. Captured mail is recorded in the
   * caller's transaction and goes nowhere else, so it commits or rolls back with what it refers to.
   */
  public boolean leavesBeforeCommit() {
    return smtp;
  }

  /** A file sent along with a mail (e.g. the completed PDF); not kept in the outbox. */
  public record Attachment(String fileName, String contentType, byte[] content) {}

  /**
   * Erases recipient, subject and text of the recorded mails whose dedupe key starts with one of
   * these prefixes (e.g. a deleted request's mails); the keys stay, so nothing is sent again.
   * The prefixes are ids, never patterns: {@code %} and {@code _} in them are refused.
   */
  @Transactional
  public int redact(java.util.Collection<String> keyPrefixes) {
    int count = 0;
    for (String prefix : keyPrefixes) {
      if (prefix.isEmpty() || prefix.contains("%") || prefix.contains("_") || prefix.contains("\\")) {
        throw new IllegalArgumentException("A dedupe key prefix is plain text");
      }
      count += outbox.redact(prefix + "%", ERASED);
    }
    return count;
  }

  /** What redacted mails say instead of their recipient, subject and text. */
  public static final String ERASED = "(erased)";

  /** True when a mail with this dedupe key was already sent or captured. */
  @Transactional(readOnly = true)
  public boolean isRecorded(String dedupeKey) {
    return outbox.existsByDedupeKey(dedupeKey);
  }

  /** The dedupe keys among these that were already sent or captured: one query for many keys. */
  @Transactional(readOnly = true)
  public Set<String> recordedAmong(Collection<String> dedupeKeys) {
    return dedupeKeys.isEmpty() ? Set.of() : new HashSet<>(outbox.findDedupeKeysIn(dedupeKeys));
  }

  /**
   * Sends a mail with a text and an HTML part (multipart/alternative) and an optional
   * attachment, unless one with this dedupe key was already recorded. The outbox keeps the text.
   *
   * @return true if the mail was sent or captured now, false if it was a duplicate
   */
  @Transactional
  public boolean send(String dedupeKey, String to, String subject, String textBody, String htmlBody,
      Attachment attachment) {
    requireValid(dedupeKey, to, subject, textBody);
    if (outbox.existsByDedupeKey(dedupeKey)) {
      return false;
    }
    if (!smtp) {
      OutboundMail mail = record(mail(dedupeKey, to, subject, textBody, OutboundMail.Status.CAPTURED));
      log.info("Mail captured in the outbox as {} (no SMTP host configured; read it at /outbox)", mail.getId());
      return true;
    }
    JavaMailSender sender = mailSender.getObject();
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(settings.from());
      helper.setTo(to);
      helper.setSubject(subject);
      if (htmlBody == null) {
        helper.setText(textBody, false);
      } else {
        helper.setText(textBody, htmlBody);
      }
      if (attachment != null) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
      }
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not prepare mail " + dedupeKey, e);
    }
    sender.send(message);
    ownTransaction.executeWithoutResult(
        status -> record(mail(dedupeKey, to, subject, textBody, OutboundMail.Status.SENT)));
    return true;
  }

  /**
   * Sends a plain-text mail unless one with this dedupe key was already recorded.
   *
   * @return true if the mail was sent or captured now, false if it was a duplicate
   */
  @Transactional
  public boolean send(String dedupeKey, String to, String subject, String textBody) {
    requireValid(dedupeKey, to, subject, textBody);
    if (outbox.existsByDedupeKey(dedupeKey)) {
      return false;
    }
    if (!smtp) {
      OutboundMail mail = record(mail(dedupeKey, to, subject, textBody, OutboundMail.Status.CAPTURED));
      log.info("Mail captured in the outbox as {} (no SMTP host configured; read it at /outbox)", mail.getId());
      return true;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(to);
    message.setSubject(subject);
    message.setText(textBody);
    mailSender.getObject().send(message);
    ownTransaction.executeWithoutResult(
        status -> record(mail(dedupeKey, to, subject, textBody, OutboundMail.Status.SENT)));
    return true;
  }

  /** A new outbox row (its id is assigned in Java): persisted, where save() would merge and select first. */
  private OutboundMail record(OutboundMail mail) {
    entities.persist(mail);
    return mail;
  }

  private static OutboundMail mail(String key, String to, String subject, String body, OutboundMail.Status status) {
    return new OutboundMail(key, to, subject, body, status, Instant.now());
  }

  private static void requireValid(String dedupeKey, String to, String subject, String body) {
    if (dedupeKey == null || dedupeKey.isBlank() || dedupeKey.length() > 200) {
      throw new IllegalArgumentException("A mail needs a dedupe key of 1 to 200 characters");
    }
    if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT || hasLineBreak(subject)) {
      throw new IllegalArgumentException("A mail subject must be one line of 1 to " + MAX_SUBJECT + " characters");
    }
    if (body == null || body.length() > MAX_BODY) {
      throw new IllegalArgumentException("A mail body must be at most " + MAX_BODY + " characters");
    }
    if (!isValidAddress(to)) {
      // The address itself stays out of the message: exceptions end up in logs and Cockpit.
      throw new IllegalArgumentException("A mail recipient must be one valid email address");
    }
  }

  /** One plain address (no display name, no list), at most 254 characters, no CR/LF. */
  public static boolean isValidAddress(String address) {
    if (address == null || address.isBlank() || address.length() > 254 || hasLineBreak(address)) {
      return false;
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      return parsed.getAddress().equals(address) && address.indexOf('@') > 0;
    } catch (AddressException e) {
      return false;
    }
  }

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
  }
}
