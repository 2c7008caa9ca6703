-- Audit trail (io.sigill.audit). Append-only evidence: see io/sigill/audit/package-info.java for
-- the hash encoding and the recommended production grants.

-- One row per event; (transaction_id, seq) is the chain position, gap-free from 1.
-- occurred_at_ms is the hashed time (epoch ms, exact on every database); occurred_at is for humans
-- (whole seconds on MySQL, where the JDBC URL carries sendFractionalSeconds=false).
-- ip, user_agent and personal payload values hold AES-GCM ciphertext under a subject key.
CREATE TABLE audit_event (
  transaction_id  VARCHAR(100)  NOT NULL,
  seq             BIGINT        NOT NULL,
  org_id          VARCHAR(36)   NULL,
  type            VARCHAR(40)   NOT NULL,
  actor           VARCHAR(120)  NOT NULL,
  ip              VARCHAR(400)  NULL,
  user_agent      VARCHAR(2000) NULL,
  occurred_at_ms  BIGINT        NOT NULL,
  occurred_at     DATETIME(3)   NOT NULL,
  payload         VARCHAR(8000) NOT NULL,
  prev_hash       CHAR(64)      NOT NULL,
  hash            CHAR(64)      NOT NULL,
  CONSTRAINT pk_audit_event PRIMARY KEY (transaction_id, seq)
);
CREATE INDEX ix_audit_event_org ON audit_event (org_id);

-- The head of each chain: locked (SELECT ... FOR UPDATE) by every append, which serializes
-- appends to one chain. The org of a chain is fixed by its first event that names one.
CREATE TABLE audit_chain_head (
  transaction_id  VARCHAR(100)  NOT NULL PRIMARY KEY,
  org_id          VARCHAR(36)   NULL,
  last_seq        BIGINT        NOT NULL,
  last_hash       CHAR(64)      NOT NULL,
  updated_at_ms   BIGINT        NOT NULL
);

-- Per-subject data keys for erasable personal data. Erasure sets key_bytes to NULL.
CREATE TABLE audit_subject_key (
  subject_id      VARCHAR(200)  NOT NULL PRIMARY KEY,
  key_bytes       VARBINARY(64) NULL,
  created_at      DATETIME(3)   NOT NULL,
  erased_at       DATETIME(3)   NULL
);

-- Signed checkpoints: a Merkle root over all chain heads, signed with Ed25519.
CREATE TABLE audit_checkpoint (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  created_at_ms   BIGINT        NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  chain_count     BIGINT        NOT NULL,
  merkle_root     CHAR(64)      NOT NULL,
  algorithm       VARCHAR(20)   NOT NULL,
  public_key      VARCHAR(200)  NOT NULL,
  signature       VARCHAR(200)  NOT NULL
);
CREATE INDEX ix_audit_checkpoint_created ON audit_checkpoint (created_at_ms);
