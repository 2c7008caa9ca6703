package io.sigill.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class DeletionCertificateTests {

  @Test
  void listsWhatWasDeletedWhatOnlyLostThisPartysAccessAndWhatWasDeferredWithWhy() throws Exception {
    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    DeletionRequest request = DeletionRequest.bySubject("org-1", "someone@example.org", now);
    DeletionItem shredded = new DeletionItem(request.getId(), "doc-shredded", "req-1", "signer:s1", now);
    shredded.settle(ItemOutcome.DELETED, null, now);
    DeletionItem shared = new DeletionItem(request.getId(), "doc-shared", "req-2", "signer:s2", now);
    shared.settle(ItemOutcome.ACCESS_REMOVED, "kept for the other parties to it", now);
    DeletionItem held = new DeletionItem(request.getId(), "doc-held", "req-3", "signer:s3", now);
    held.settle(ItemOutcome.DEFERRED, "under legal hold", now);

    byte[] pdf = DeletionCertificate.render(request, List.of(shredded, shared, held), now);

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Scope: SIGNER");
      int deleted = text.indexOf("Deleted (crypto-shredded");
      int access = text.indexOf("Access removed");
      int deferred = text.indexOf("Deferred (kept for now");
      assertThat(deleted).isNotNegative().isLessThan(access);
      assertThat(access).isLessThan(deferred);
      assertThat(text.substring(deleted, access)).contains("doc-shredded").doesNotContain("doc-shared");
      assertThat(text.substring(access, deferred)).contains("doc-shared").doesNotContain("doc-held");
      assertThat(text.substring(deferred)).contains("doc-held", "under legal hold");
      assertThat(text).doesNotContain("someone@example.org");
    }
  }
}
