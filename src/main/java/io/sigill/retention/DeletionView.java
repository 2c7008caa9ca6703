package io.sigill.retention;

import java.time.Instant;
import java.util.List;

/** What the API answers about a deletion request: what was deleted, what was deferred and why. */
record DeletionView(String id, DeletionStatus status, DeletionScope scope, Instant requestedAt, Instant completedAt,
    List<String> deleted, List<Deferred> deferred, List<String> pending) {

  /** A document kept for now, and why. */
  record Deferred(String id, String reason) {}

  static DeletionView of(DeletionRequest request, List<DeletionItem> items) {
    return new DeletionView(request.getId(), request.getStatus(), request.getScope(), request.getRequestedAt(),
        request.getCompletedAt(),
        items.stream().filter(i -> i.getOutcome() == ItemOutcome.DELETED || i.getOutcome() == ItemOutcome.ACCESS_REMOVED)
            .map(DeletionItem::getDocumentId).toList(),
        items.stream().filter(i -> i.getOutcome() == ItemOutcome.DEFERRED)
            .map(i -> new Deferred(i.getDocumentId(), i.getReason())).toList(),
        items.stream().filter(i -> i.getOutcome() == ItemOutcome.PENDING).map(DeletionItem::getDocumentId).toList());
  }
}
