package io.sigill.retention;

/** What a deletion request covers: chosen requests, all of the org's data, or one signer's copies and data. */
enum DeletionScope {
  REQUESTS,
  ORG,
  SIGNER
}
