package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigill.identity.OrgRepository;
import io.sigill.identity.SigillUser;
import io.sigill.web.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The vault's rules behind the API: events, integrity failures, key rotation, locks, the signer seam. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"sigill.vault.max-upload-bytes=1048576", "sigill.vault.max-inflated-bytes=33554432"})
@ActiveProfiles("test")
@Import(VaultEventRecorder.class)
@RecordApplicationEvents
class DocumentVaultTests {

  private static final AccessContext CTX = new AccessContext("203.0.113.7", "vault-tests");

  @Autowired DocumentVault vault;
  @Autowired ApplicationEvents events;
  @Autowired VaultObjectRepository objects;
  @Autowired BlobStore blobs;
  @Autowired KeyProvider keys;
  @Autowired OrgRepository orgs;

  private SigillUser sender;
  private SigillUser admin;
  private byte[] pdf;

  @BeforeEach
  void users() throws IOException {
    String demo = orgs.findBySlug("demo").orElseThrow().getId();
    sender = new SigillUser("sender", demo, Set.of("sender"));
    admin = new SigillUser("admin", demo, Set.of("org-admin"));
    pdf = DocumentApiTests.corpus("good.pdf");
  }

  @Test
  void storingAndReadingPublishEventsWithWhoWhenAndWhere() throws IOException {
    DocumentInfo info = store();
    try (DocumentContent content = vault.open(info.id(), new DocumentReader.Member(sender), CTX)) {
      assertThat(content.stream().readAllBytes()).isEqualTo(pdf);
    }

    assertThat(events.stream(DocumentStored.class)).singleElement()
        .satisfies(e -> {
          assertThat(e.documentId()).isEqualTo(info.id());
          assertThat(e.actor()).isEqualTo("sender");
          assertThat(e.ip()).isEqualTo("203.0.113.7");
          assertThat(e.occurredAt()).isNotNull();
        });
    assertThat(events.stream(DocumentRead.class)).singleElement()
        .satisfies(e -> assertThat(e.userAgent()).isEqualTo("vault-tests"));
  }

  @Test
  void anAlteredCiphertextIsAnErrorAnEventAndNotASingleByte() throws Exception {
    DocumentInfo info = store();
    Path blob = blobFile(info.id());
    byte[] sealed = Files.readAllBytes(blob);
    sealed[sealed.length / 2] ^= 1;
    Files.write(blob, sealed);

    assertThatThrownBy(() -> vault.open(info.id(), new DocumentReader.Member(sender), CTX))
        .isInstanceOf(DocumentIntegrityException.class);
    assertThat(events.stream(DocumentIntegrityFailed.class)).singleElement()
        .satisfies(e -> assertThat(e.documentId()).isEqualTo(info.id()));
  }

  @Test
  void swappingTwoDocumentsCiphertextsFailsBothReads() throws Exception {
    DocumentInfo a = store();
    DocumentInfo b = store();
    Path blobA = blobFile(a.id());
    Path blobB = blobFile(b.id());
    byte[] bytesA = Files.readAllBytes(blobA);
    Files.write(blobA, Files.readAllBytes(blobB));
    Files.write(blobB, bytesA);

    assertThatThrownBy(() -> vault.open(a.id(), new DocumentReader.Member(sender), CTX))
        .isInstanceOf(DocumentIntegrityException.class);
    assertThatThrownBy(() -> vault.open(b.id(), new DocumentReader.Member(sender), CTX))
        .isInstanceOf(DocumentIntegrityException.class);
  }

  @Test
  void aMissingBlobIsAnIntegrityFailureToo() throws Exception {
    DocumentInfo info = store();
    Files.delete(blobFile(info.id()));
    assertThatThrownBy(() -> vault.open(info.id(), new DocumentReader.Member(sender), CTX))
        .isInstanceOf(DocumentIntegrityException.class);
    assertThat(events.stream(DocumentIntegrityFailed.class)).hasSize(1);
  }

  @Test
  void afterRotationNewKeysUseTheNewestKekAndRewrapMovesTheOldOnes() throws IOException {
    DocumentInfo before = store();
    String newest = ((LocalKeyring) keys).rotate();
    DocumentInfo after = store();
    assertThat(object(after.id()).getKekId()).isEqualTo(newest);
    assertThat(object(before.id()).getKekId()).isNotEqualTo(newest);

    assertThat(vault.rewrapDataKeys()).isGreaterThanOrEqualTo(1);

    assertThat(objects.findAll()).allSatisfy(o -> assertThat(o.getKekId()).isEqualTo(newest));
    for (DocumentInfo info : new DocumentInfo[] {before, after}) {
      try (DocumentContent content = vault.open(info.id(), new DocumentReader.Member(sender), CTX)) {
        assertThat(content.stream().readAllBytes()).isEqualTo(pdf);
      }
    }
  }

  @Test
  void legalHoldAndRetentionBlockShreddingUntilLifted() throws IOException {
    DocumentInfo info = store();
    String org = sender.orgId();

    vault.setLegalHold(info.id(), org, true);
    assertThatThrownBy(() -> vault.shred(info.id(), admin, CTX)).isInstanceOf(DocumentLockedException.class);
    vault.setLegalHold(info.id(), org, false);
    vault.setRetentionUntil(info.id(), org, Instant.now().plus(1, ChronoUnit.DAYS));
    assertThatThrownBy(() -> vault.shred(info.id(), admin, CTX)).isInstanceOf(DocumentLockedException.class);
    vault.setRetentionUntil(info.id(), org, Instant.now().minus(1, ChronoUnit.DAYS));

    vault.shred(info.id(), admin, CTX);
    assertThat(objects.findByDocumentId(info.id())).isEmpty();
    assertThat(events.stream(DocumentShredded.class)).hasSize(1);
    assertThat(events.stream(DocumentStored.class)).hasSize(1);
  }

  @Test
  void aSignerReadsNothingUntilTheSigningFeatureGrantsIt() throws IOException {
    DocumentInfo info = store();
    assertThatThrownBy(() -> vault.open(info.id(), new DocumentReader.Signer("s-1"), CTX))
        .isInstanceOf(NotFoundException.class);
    assertThat(events.stream(DocumentAccessRefused.class)).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("signer:s-1"));
  }

  @Test
  void theVaultCountsBytesItselfForCallersThatAreNotMultipart() {
    InputStream big = new ByteArrayInputStream(new byte[(1 << 20) + 1]);
    assertThatThrownBy(() -> vault.store(sender, "big.pdf", big, CTX))
        .isInstanceOfSatisfying(DocumentRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.TOO_LARGE));
    assertThat(events.stream(DocumentStored.class)).isEmpty();
  }

  private DocumentInfo store() {
    return vault.store(sender, "contract.pdf", new ByteArrayInputStream(pdf), CTX);
  }

  private VaultObject object(String documentId) {
    return objects.findByDocumentId(documentId).get(0);
  }

  private Path blobFile(String documentId) {
    String key = object(documentId).getId();
    return ((LocalBlobStore) blobs).root().resolve(key.substring(0, 2)).resolve(key);
  }
}
