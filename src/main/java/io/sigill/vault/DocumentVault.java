package io.sigill.vault;

import io.sigill.identity.Role;
import io.sigill.identity.SigillUser;
import io.sigill.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document vault: every document byte goes in through {@link #store} and out through
 * {@link #open}. Content is encrypted with a fresh data key per object ({@link SegmentedAead}),
 * the key wrapped by the {@link KeyProvider}, the ciphertext kept in the {@link BlobStore}.
 * Reads release only authenticated bytes: small documents are verified whole before they stream,
 * large ones segment by segment as they stream (see {@link EncryptedObjects} and
 * {@link DocumentContent}). An integrity failure, before or during streaming, is logged, recorded
 * as {@link DocumentIntegrityFailed} and reported to the caller.
 */
@Service
public class DocumentVault {

  private static final Logger log = LoggerFactory.getLogger(DocumentVault.class);

  private final VaultDocumentRepository documents;
  private final VaultObjectRepository objects;
  private final VaultPartyRepository parties;
  private final KeyProvider keys;
  private final BlobStore blobs;
  private final EncryptedObjects encrypted;
  private final PdfIntake intake;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<SignerDocumentAccess> signerAccess;
  private final TransactionTemplate tx;
  private final TransactionTemplate ownTx;
  private final EntityManager entities;
  private final Clock clock;

  DocumentVault(
      VaultDocumentRepository documents,
      VaultObjectRepository objects,
      VaultPartyRepository parties,
      KeyProvider keys,
      BlobStore blobs,
      VaultSettings settings,
      ApplicationEventPublisher events,
      ObjectProvider<SignerDocumentAccess> signerAccess,
      PlatformTransactionManager transactionManager,
      EntityManager entities) {
    this.documents = documents;
    this.objects = objects;
    this.parties = parties;
    this.keys = keys;
    this.blobs = blobs;
    this.encrypted = new EncryptedObjects(keys, blobs, settings.verifyFirstMaxBytes());
    this.intake = new PdfIntake(settings.maxUploadBytes(), settings.maxPages(), settings.maxInflatedBytes());
    this.events = events;
    this.signerAccess = signerAccess;
    this.tx = new TransactionTemplate(transactionManager);
    this.ownTx = new TransactionTemplate(transactionManager);
    this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.entities = entities;
    this.clock = Clock.systemUTC();
  }

  /**
   * Checks, encrypts and stores an uploaded PDF as version 1 of a new document. A refused file
   * leaves nothing behind: no blob, no key, no row.
   */
  public DocumentInfo store(SigillUser uploader, String fileName, InputStream content, AccessContext ctx) {
    if (!uploader.hasAnyRole(Role.SENDER, Role.ORG_ADMIN)) {
      throw new AccessDeniedException("Only senders and org admins store documents");
    }
    String name = FileNames.sanitize(fileName);
    PdfIntake.Checked checked;
    try {
      checked = intake.take(content);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the upload", e);
    }
    String documentId = UUID.randomUUID().toString();
    String objectId = UUID.randomUUID().toString();
    int version = 1;
    try {
      EncryptedObjects.WrappedKey key = encrypted.put(objectId, documentId, version, checked.file(), checked.size());
      Instant now = clock.instant();
      DocumentInfo info =
          new DocumentInfo(documentId, version, name, checked.pages(), checked.sha256(), checked.size(), now, false, null);
      try {
        tx.executeWithoutResult(s -> {
          // New rows with ids assigned here: persisted, where save() would merge (a select first).
          entities.persist(new VaultDocument(documentId, uploader.orgId(), name, uploader.userId(), now));
          entities.persist(new VaultParty(documentId, Parties.org(uploader.orgId()), now));
          entities.persist(new VaultObject(objectId, documentId, version, checked.size(), checked.sha256(),
              checked.pages(), key.kekId(), key.wrapped(), now));
          events.publishEvent(new DocumentStored(uploader.orgId(), documentId, version, uploader.userId(),
              ctx.ip(), ctx.userAgent(), now));
        });
      } catch (RuntimeException e) {
        encrypted.deleteQuietly(objectId); // no row, so the blob must go too
        throw e;
      }
      return info;
    } catch (IOException e) {
      encrypted.deleteQuietly(objectId);
      throw new UncheckedIOException("Could not store the document", e);
    } finally {
      EncryptedObjects.deleteTemp(checked.file());
    }
  }

  /** The metadata of a document the reader may see; another org's id is not found. */
  public DocumentInfo describe(String documentId, DocumentReader reader) {
    VaultDocument doc = visible(documentId, reader).orElseThrow(() -> notFound());
    return info(doc, currentObject(doc));
  }

  /**
   * The one way to a document's bytes: checks the reader's right, records the read (or the
   * refusal) in its own committed transaction, then hands out the plaintext, verified whole or
   * as it streams (see {@link DocumentContent}).
   *
   * @throws DocumentIntegrityException when the stored bytes fail before any byte is handed out
   */
  public DocumentContent open(String documentId, DocumentReader reader, AccessContext ctx) {
    Grant grant = tx.execute(s -> authorize(documentId, reader, ctx));
    if (grant instanceof Grant.Refused refused) {
      if (refused.forbidden()) {
        throw new AccessDeniedException("Role may not read documents");
      }
      throw notFound();
    }
    Grant.Granted granted = (Grant.Granted) grant;
    return verifiedContent(granted.document(), granted.object(), reader, ctx);
  }

  /**
   * An org admin deletes the org's document: {@link #letGo} for the org's share. When no other
   * party holds it, it is crypto-shredded; otherwise only the org's access goes (promise P4).
   */
  public LetGo shred(String documentId, SigillUser admin, AccessContext ctx) {
    if (!admin.hasRole(Role.ORG_ADMIN)) {
      throw new AccessDeniedException("Only org admins delete documents");
    }
    return letGo(documentId, admin.orgId(), Parties.org(admin.orgId()), admin.userId(), ctx);
  }

  /**
   * One party lets go of an org's document. Its share (its access) is removed; when it was the
   * last one, the document is crypto-shredded: the rows holding its wrapped data keys are deleted
   * in the same transaction as the event, then every stored version of its bytes. Should a blob
   * delete fail afterwards, what remains is ciphertext whose key no longer exists. A document under
   * legal hold or retention is refused whoever asks, even for one party's access, and the refusal is
   * recorded in a transaction of its own, so it stays on record even when the caller rolls back.
   */
  public LetGo letGo(String documentId, String orgId, String party, String actor, AccessContext ctx) {
    Object outcome = tx.execute(s -> {
      VaultDocument doc = documents.findByIdAndOrgId(documentId, orgId).orElse(null);
      if (doc == null) {
        return LetGo.NOT_HELD;
      }
      if (doc.isLocked(clock.instant())) {
        return null; // refused below, outside this transaction, so a caller's transaction is not marked for rollback
      }
      List<VaultParty> holders = parties.findByKeyDocumentId(documentId);
      VaultParty share = holders.stream().filter(p -> p.getParty().equals(party)).findFirst().orElse(null);
      if (share == null) {
        return LetGo.NOT_HELD;
      }
      if (holders.size() > 1) {
        parties.delete(share);
        events.publishEvent(new DocumentAccessRemoved(orgId, documentId, doc.getCurrentVersion(), actor, ctx.ip(),
            ctx.userAgent(), clock.instant()));
        return LetGo.ACCESS_REMOVED;
      }
      List<VaultObject> versions = objects.findByDocumentId(documentId);
      objects.deleteAll(versions);
      parties.deleteAll(holders);
      documents.delete(doc);
      events.publishEvent(new DocumentShredded(orgId, documentId, doc.getCurrentVersion(), actor, ctx.ip(),
          ctx.userAgent(), clock.instant()));
      return versions.stream().map(VaultObject::getId).toList();
    });
    if (outcome == null) {
      ownTx.executeWithoutResult(s -> events.publishEvent(new DocumentDeletionRefused(orgId, documentId, 0,
          actor, ctx.ip(), ctx.userAgent(), clock.instant())));
      throw new DocumentLockedException("The document is under legal hold or retention and cannot be deleted.");
    }
    if (outcome instanceof LetGo letGo) {
      return letGo;
    }
    for (Object key : (List<?>) outcome) {
      encrypted.deleteQuietly((String) key);
    }
    return LetGo.SHREDDED;
  }

  /** Gives a party a share of an org's document (e.g. a signer's copy of the sealed PDF); idempotent. */
  public void share(String documentId, String orgId, String party) {
    share(documentId, orgId, List.of(party));
  }

  /** Gives each of these parties a share of an org's document; idempotent. */
  public void share(String documentId, String orgId, Collection<String> newParties) {
    tx.executeWithoutResult(s -> {
      documents.findByIdAndOrgId(documentId, orgId).orElseThrow(() -> notFound());
      Set<String> holding = parties.findByKeyDocumentId(documentId).stream().map(VaultParty::getParty)
          .collect(Collectors.toSet());
      Instant now = clock.instant();
      for (String party : new LinkedHashSet<>(newParties)) {
        if (!holding.contains(party)) {
          entities.persist(new VaultParty(documentId, party, now));
        }
      }
    });
  }

  /**
   * For the engine's own steps (retention, deletion), not for people: an org's document and who
   * holds a share of it, whatever the shares. No bytes, so no read event.
   */
  public Optional<Holding> holding(String documentId, String orgId) {
    return tx.execute(s -> documents.findByIdAndOrgId(documentId, orgId)
        .map(doc -> new Holding(info(doc, currentObject(doc)),
            parties.findByKeyDocumentId(documentId).stream().map(VaultParty::getParty).sorted().toList())));
  }

  /** For the engine's own steps: the ids of the org's documents the org itself still holds a share of. */
  public List<String> documentsHeldBy(String orgId) {
    return parties.documentIdsHeldBy(Parties.org(orgId));
  }

  /** A document's metadata and the parties holding a share of it. */
  public record Holding(DocumentInfo info, List<String> parties) {}

  /** Sets or lifts a legal hold, mirrored to the blob store's object lock (S3: PutObjectLegalHold). */
  public void setLegalHold(String documentId, String orgId, boolean on) {
    tx.executeWithoutResult(s -> {
      VaultDocument doc = documents.findByIdAndOrgId(documentId, orgId).orElseThrow(() -> notFound());
      doc.setLegalHold(on);
      objects.findByDocumentId(documentId).forEach(o -> blobs.setLegalHold(o.getId(), on));
    });
  }

  /** Keeps a document until the given time, mirrored to the store (S3: PutObjectRetention). */
  public void setRetentionUntil(String documentId, String orgId, Instant until) {
    tx.executeWithoutResult(s -> {
      VaultDocument doc = documents.findByIdAndOrgId(documentId, orgId).orElseThrow(() -> notFound());
      doc.setRetainUntil(until);
      // Object Lock only takes future dates and cannot be shortened without a bypass; an ended
      // retention needs no lock, so only a future date is mirrored.
      if (until != null && until.isAfter(clock.instant())) {
        objects.findByDocumentId(documentId).forEach(o -> blobs.setRetentionUntil(o.getId(), until));
      }
    });
  }

  /** Re-wraps every data key not under the newest KEK; content is untouched. Returns the count. */
  public int rewrapDataKeys() {
    String newest = keys.currentKekId();
    Integer count = tx.execute(s -> {
      List<VaultObject> stale = objects.findByKekIdNot(newest);
      for (VaultObject o : stale) {
        KeyProvider.DataKey rewrapped = keys.rewrap(o.getKekId(), o.wrappedKey());
        o.rewrapped(rewrapped.kekId(), rewrapped.wrapped());
      }
      return stale.size();
    });
    log.info("Re-wrapped {} data keys under {}", count, newest);
    return count == null ? 0 : count;
  }

  private sealed interface Grant {
    record Granted(DocumentInfo document, VaultObject object) implements Grant {}

    record Refused(boolean forbidden) implements Grant {}
  }

  private Grant authorize(String documentId, DocumentReader reader, AccessContext ctx) {
    Instant now = clock.instant();
    Optional<VaultDocument> found = visible(documentId, reader);
    // A signer's right is the request's, already checked by visible(); a member's is the role's.
    boolean roleAllows = !(reader instanceof DocumentReader.Member m)
        || m.user().hasAnyRole(Role.SENDER, Role.ORG_ADMIN, Role.COMPLIANCE);
    if (found.isEmpty() || !roleAllows) {
      String orgId = reader instanceof DocumentReader.Member m ? m.user().orgId() : null;
      events.publishEvent(new DocumentAccessRefused(orgId, documentId, 0, reader.actor(), ctx.ip(), ctx.userAgent(), now));
      // Another org's document and an unknown id answer alike; a known one with the wrong role is 403.
      return new Grant.Refused(found.isPresent());
    }
    VaultDocument doc = found.get();
    VaultObject object = currentObject(doc);
    events.publishEvent(new DocumentRead(doc.getOrgId(), documentId, object.getVersion(), reader.actor(), ctx.ip(),
        ctx.userAgent(), now));
    return new Grant.Granted(info(doc, object), object);
  }

  /**
   * A reader sees a document while the party they act for holds a share of it: a member acts for
   * their org; a signer for the org that invited them while signing, and for themselves once they
   * have their own copy of the completed request.
   */
  private Optional<VaultDocument> visible(String documentId, DocumentReader reader) {
    if (reader instanceof DocumentReader.Member m) {
      return documents.findByIdAndOrgId(documentId, m.user().orgId())
          .filter(d -> holds(documentId, Parties.org(d.getOrgId())));
    }
    DocumentReader.Signer signer = (DocumentReader.Signer) reader;
    return documents.findById(documentId).filter(d -> {
      SignerDocumentAccess.Right right = signerAccess.stream()
          .map(a -> a.rightTo(signer.signerId(), d.getOrgId(), documentId))
          .filter(r -> r != SignerDocumentAccess.Right.NONE)
          .findFirst().orElse(SignerDocumentAccess.Right.NONE);
      return switch (right) {
        case INVITED -> holds(documentId, Parties.org(d.getOrgId()));
        case OWN_COPY -> holds(documentId, Parties.signer(signer.signerId()));
        case NONE -> false;
      };
    });
  }

  private boolean holds(String documentId, String party) {
    return parties.existsById(new VaultParty.Key(documentId, party));
  }

  private DocumentContent verifiedContent(DocumentInfo info, VaultObject object, DocumentReader reader, AccessContext ctx) {
    EncryptedObjects.Opened opened;
    try {
      opened = encrypted.open(object.getId(), info.id(), object.getVersion(),
          new EncryptedObjects.WrappedKey(object.getKekId(), object.wrappedKey()), object.getSizeBytes(),
          object.getSha256());
    } catch (SegmentedAead.IntegrityException | FileNotFoundException | IllegalStateException e) {
      integrityFailed(info, object, reader, ctx, e);
      throw new DocumentIntegrityException("The stored document failed its integrity check and was not served; "
          + "the incident has been recorded.");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the stored document", e);
    }
    InputStream reporting = new IntegrityReporting(opened.stream(), e -> integrityFailed(info, object, reader, ctx, e));
    return new DocumentContent(info, reporting, opened.verifiedWhole());
  }

  private void integrityFailed(DocumentInfo info, VaultObject object, DocumentReader reader, AccessContext ctx, Exception cause) {
    log.error("Document {} version {} (object {}) failed its integrity check: {}", info.id(), object.getVersion(),
        object.getId(), cause.getMessage());
    String orgId = reader instanceof DocumentReader.Member m ? m.user().orgId() : null;
    tx.executeWithoutResult(s -> events.publishEvent(new DocumentIntegrityFailed(orgId, info.id(), object.getVersion(),
        reader.actor(), ctx.ip(), ctx.userAgent(), clock.instant())));
  }

  /**
   * Turns an integrity failure while streaming into {@link DocumentStreamIntegrityException},
   * after reporting it once (log line and audit event). Every later read fails the same way.
   */
  private static final class IntegrityReporting extends FilterInputStream {
    private final Consumer<SegmentedAead.IntegrityException> report;
    private boolean failed;

    IntegrityReporting(InputStream in, Consumer<SegmentedAead.IntegrityException> report) {
      super(in);
      this.report = report;
    }

    @Override
    public int read() throws IOException {
      checkNotFailed();
      try {
        return in.read();
      } catch (SegmentedAead.IntegrityException e) {
        throw failed(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      checkNotFailed();
      try {
        return in.read(b, off, len);
      } catch (SegmentedAead.IntegrityException e) {
        throw failed(e);
      }
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
      checkNotFailed();
      try {
        return in.transferTo(out);
      } catch (SegmentedAead.IntegrityException e) {
        throw failed(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      checkNotFailed();
      try {
        return in.skip(n);
      } catch (SegmentedAead.IntegrityException e) {
        throw failed(e);
      }
    }

    private void checkNotFailed() throws DocumentStreamIntegrityException {
      if (failed) {
        throw streamFailed();
      }
    }

    private DocumentStreamIntegrityException failed(SegmentedAead.IntegrityException e) {
      if (!failed) {
        failed = true;
        try {
          report.accept(e);
        } catch (RuntimeException recording) {
          // The caller must still get the integrity failure, never another kind of error.
          log.error("Could not record the integrity failure of a streamed document", recording);
        }
      }
      return streamFailed();
    }

    private static DocumentStreamIntegrityException streamFailed() {
      return new DocumentStreamIntegrityException("The stored document failed its integrity check while it was "
          + "streamed; what was read is not the document. The incident has been recorded.");
    }
  }

  private VaultObject currentObject(VaultDocument doc) {
    return objects.findByDocumentIdAndVersion(doc.getId(), doc.getCurrentVersion())
        .orElseThrow(() -> new IllegalStateException("Document " + doc.getId() + " has no current version"));
  }

  private static DocumentInfo info(VaultDocument doc, VaultObject object) {
    return new DocumentInfo(doc.getId(), object.getVersion(), doc.getFileName(), object.getPages(), object.getSha256(),
        object.getSizeBytes(), doc.getCreatedAt(), doc.isLegalHold(), doc.getRetainUntil());
  }

  private static NotFoundException notFound() {
    return new NotFoundException("No such document");
  }
}
