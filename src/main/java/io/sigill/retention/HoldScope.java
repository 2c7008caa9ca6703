package io.sigill.retention;

/** What a legal hold covers: chosen requests, every request a signer took part in, or the whole org. */
enum HoldScope {
  REQUESTS,
  SIGNER_EMAIL,
  ORG
}
