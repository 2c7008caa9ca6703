package io.sigill.retention;

/** What happened to one document of a deletion request. */
enum ItemOutcome {
  PENDING,
  DELETED,
  ACCESS_REMOVED,
  DEFERRED
}
