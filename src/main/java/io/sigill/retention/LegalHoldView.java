package io.sigill.retention;

import java.time.Instant;
import java.util.List;

/** What the API answers about a legal hold; the signer email of a SIGNER_EMAIL scope is not repeated. */
record LegalHoldView(String id, LegalHoldStatus status, HoldScope scope, String matterId, String reason,
    String requestedBy, Instant requestedAt, String decidedBy, String releaseReason, List<String> requestIds,
    List<String> documentIds) {

  static LegalHoldView of(LegalHold hold) {
    return new LegalHoldView(hold.getId(), hold.getStatus(), hold.getScope(), hold.getMatterId(), hold.getReason(),
        hold.getRequestedBy(), hold.getRequestedAt(), hold.getDecidedBy(), hold.getReleaseReason(),
        hold.getItems().stream().map(LegalHold.Item::requestId).filter(r -> r != null).distinct().sorted().toList(),
        hold.getItems().stream().map(LegalHold.Item::documentId).sorted().toList());
  }
}
