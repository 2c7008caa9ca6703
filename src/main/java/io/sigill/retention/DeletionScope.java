package io.sigill.retention;

/** What a deletion request covers: chosen requests or all of the org's data. */
enum DeletionScope {
  REQUESTS,
  ORG
}
