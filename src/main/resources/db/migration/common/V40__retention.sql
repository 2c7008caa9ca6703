-- Retention, legal holds and deletion requests (promises P2, P3, P4). Ids and routing facts only
-- go to the engine; the rows here are what the API answers and what certificates list.

-- Per-org retention period; an org without a row keeps documents for the default (7 years).
CREATE TABLE retention_setting (
  org_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
  years       INT          NOT NULL,
  updated_by  VARCHAR(64)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  CONSTRAINT fk_retention_setting_org FOREIGN KEY (org_id) REFERENCES org (id)
);

CREATE TABLE legal_hold (
  id                    VARCHAR(36)    NOT NULL PRIMARY KEY,
  org_id                VARCHAR(36)    NOT NULL,
  scope                 VARCHAR(20)    NOT NULL,
  -- Kept only to resolve a SIGNER_EMAIL scope; never copied into the engine or the trail.
  signer_email          VARCHAR(320)   NULL,
  reason                VARCHAR(2000)  NOT NULL,
  matter_id             VARCHAR(100)   NOT NULL,
  status                VARCHAR(20)    NOT NULL,
  requested_by          VARCHAR(64)    NOT NULL,
  requested_at          DATETIME(3)    NOT NULL,
  decided_by            VARCHAR(64)    NULL,
  decided_at            DATETIME(3)    NULL,
  release_reason        VARCHAR(2000)  NULL,
  release_requested_by  VARCHAR(64)    NULL,
  released_at           DATETIME(3)    NULL,
  CONSTRAINT fk_legal_hold_org FOREIGN KEY (org_id) REFERENCES org (id)
);
CREATE INDEX ix_legal_hold_org ON legal_hold (org_id, status);

-- The documents a hold covers, fixed when it is requested.
CREATE TABLE legal_hold_item (
  hold_id      VARCHAR(36)  NOT NULL,
  document_id  VARCHAR(36)  NOT NULL,
  request_id   VARCHAR(36)  NULL,
  PRIMARY KEY (hold_id, document_id),
  CONSTRAINT fk_legal_hold_item_hold FOREIGN KEY (hold_id) REFERENCES legal_hold (id)
);
CREATE INDEX ix_legal_hold_item_document ON legal_hold_item (document_id);

CREATE TABLE deletion_request (
  id            VARCHAR(36)    NOT NULL PRIMARY KEY,
  org_id        VARCHAR(36)    NOT NULL,
  scope         VARCHAR(20)    NOT NULL,
  status        VARCHAR(30)    NOT NULL,
  requested_by  VARCHAR(64)    NOT NULL,
  requested_at  DATETIME(3)    NOT NULL,
  decided_by    VARCHAR(64)    NULL,
  decided_at    DATETIME(3)    NULL,
  completed_at  DATETIME(3)    NULL,
  CONSTRAINT fk_deletion_request_org FOREIGN KEY (org_id) REFERENCES org (id)
);
CREATE INDEX ix_deletion_request_org ON deletion_request (org_id, requested_at);

-- One row per affected document: PENDING until processed, then DELETED or DEFERRED with why.
CREATE TABLE deletion_item (
  deletion_id  VARCHAR(36)   NOT NULL,
  document_id  VARCHAR(36)   NOT NULL,
  request_id   VARCHAR(36)   NULL,
  outcome      VARCHAR(20)   NOT NULL,
  reason       VARCHAR(300)  NULL,
  updated_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (deletion_id, document_id),
  CONSTRAINT fk_deletion_item_request FOREIGN KEY (deletion_id) REFERENCES deletion_request (id)
);
