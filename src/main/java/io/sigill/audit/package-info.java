/**
 * The tamper-evident audit trail (promise P10): every process step and every action on a
 * transaction (signature request, legal hold, deletion request, incident) as a hash-chained,
 * append-only event, looked up and verified by transaction id.
 *
 * <h2>Use from other features</h2>
 * {@link io.sigill.audit.AuditTrail#record} appends one event in the caller's transaction (a
 * rollback removes it). Types come from the closed {@link io.sigill.audit.AuditEventType}; actors
 * are written with {@link io.sigill.audit.Actor}; personal data goes in the payload only as
 * {@link io.sigill.audit.PersonalValue}, encrypted under its subject's key and erasable with
 * {@link io.sigill.audit.AuditTrail#eraseSubject}. Engine steps need no code: the engine plugin
 * records start/end of every activity and process, create/assignment/complete of every user
 * task, and incidents, under the process instance's business key.
 *
 * <h2>Design choices</h2>
 * <ul>
 *   <li>One chain per transaction id; {@code audit_chain_head} is locked FOR UPDATE by each
 *       append, so appends to one chain are serialized and gap-free, different chains run in
 *       parallel. Hash encoding: {@code EventHash}; checkpoint Merkle tree: {@code MerkleTree}.
 *   <li>A chain's org is fixed by the first event naming one; engine events take the
 *       {@code orgId} process variable when present.
 *   <li>IP and user agent are personal data of the actor: encrypted under the actor's subject key
 *       ({@code user:<id>}, {@code signer:<id>}; for the system or anonymous reporters, under
 *       {@code transaction:<id>}). Once a subject is erased, new events store no personal values.
 *   <li>Reading a trail is not written into that trail (the head would move between a read and
 *       its verification); document access is audited by the vault as its own events.
 *   <li>Read access: org-admin and compliance of the owning org; a sender for chains whose first
 *       event names them as actor (the requests they created); chains of no org: security and
 *       compliance. Everyone else gets 404.
 * </ul>
 *
 * <h2>Recommended production grants (MySQL)</h2>
 * The service account needs no DDL rights once Flyway has run (run migrations with a separate
 * account). On the audit tables:
 * <pre>
 * GRANT SELECT, INSERT         ON sigill.audit_event       TO 'sigill'@'%';
 * GRANT SELECT, INSERT         ON sigill.audit_checkpoint  TO 'sigill'@'%';
 * GRANT SELECT, INSERT, UPDATE ON sigill.audit_chain_head  TO 'sigill'@'%';  -- the head moves
 * GRANT SELECT, INSERT, UPDATE ON sigill.audit_subject_key TO 'sigill'@'%';  -- erasure nulls a key
 * </pre>
 * The migration account needs the TRIGGER privilege; on MySQL 8 with binary logging on (the
 * default) creating triggers also needs SUPER or {@code log_bin_trust_function_creators=1}.
 * The triggers of migration V11 refuse UPDATE and DELETE on {@code audit_event} and
 * {@code audit_checkpoint} even for accounts that hold those rights; someone who can drop
 * triggers can rewrite rows, which verification then reports at the first changed sequence number,
 * and a rewrite of a whole chain tail no longer matches the last signed checkpoint.
 */
package io.sigill.audit;
