/**
 * The sealed final document (promise P10): field values stamped where they were placed, a
 * certificate of completion with the signers' evidence and the audit trail (also attached as JSON),
 * and a PAdES seal (B-B, or B-T with a time-stamp authority) that anyone can verify on the public
 * {@code /verify} page or {@code POST /api/verify}.
 *
 * <h2>Use from other features</h2>
 * {@link io.sigill.sealing.Sealer#seal} takes the original PDF and a
 * {@link io.sigill.sealing.SealingInput} of plain values, returns a
 * {@link io.sigill.sealing.SealedDocument} in a temporary file and records its SHA-256 in the
 * transaction's audit trail as {@code DOCUMENT_SEALED}. The caller stores it through the vault and
 * closes it.
 *
 * <h2>Design choices</h2>
 * <ul>
 *   <li>One incremental update: the original's bytes stay as they are, and stamps, certificate,
 *       trail and signature follow as one update, so the signature covers every byte (the
 *       original's too) and DocMDP P=1 forbids changes. An original that is damaged, encrypted,
 *       already signed or has a hybrid cross-reference (or whose update fails) is sealed in two
 *       revisions instead: a full save with stamps and certificate, then the signature.
 *   <li>No CMS signing-time (PAdES baseline): the claimed time is /M; with a TSA the RFC 3161
 *       token on the signature value is the trusted time.
 *   <li>The transaction id is in the document information ({@code SigillTransactionId}) inside the
 *       signed bytes; "known" means the trail of that id recorded exactly this file's hash.
 *   <li>Fonts ship in {@code resources/fonts}: Kristi (SIL OFL 1.1) for typed signatures and
 *       initials, DejaVu Sans (Bitstream Vera licence) for text and the certificate.
 * </ul>
 */
package io.sigill.sealing;
