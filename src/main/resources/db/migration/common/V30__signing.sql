-- Signature requests (DESIGN.md 5.1). Rows hold the personal data (names, emails, signatures);
-- the signature-request process carries only ids and routing facts. Signer tokens are stored as
-- SHA-256 hashes only.
CREATE TABLE signature_request (
  id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
  org_id               VARCHAR(36)   NOT NULL,
  created_by           VARCHAR(64)   NOT NULL,
  title                VARCHAR(200)  NOT NULL,
  message              VARCHAR(2000) NULL,
  status               VARCHAR(16)   NOT NULL,
  document_id          VARCHAR(36)   NOT NULL,
  final_document_id    VARCHAR(36)   NULL,
  reminder_every_days  INT           NOT NULL,
  expires_at           DATETIME(3)   NOT NULL,
  created_at           DATETIME(3)   NOT NULL,
  completed_at         DATETIME(3)   NULL,
  ended_at             DATETIME(3)   NULL,
  CONSTRAINT fk_signature_request_org FOREIGN KEY (org_id) REFERENCES org (id)
);
CREATE INDEX ix_signature_request_org ON signature_request (org_id, status, created_at);

CREATE TABLE signature_signer (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  request_id      VARCHAR(36)   NOT NULL,
  position        INT           NOT NULL,
  name            VARCHAR(200)  NOT NULL,
  email           VARCHAR(254)  NOT NULL,
  signing_order   INT           NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  notified_at     DATETIME(3)   NULL,
  viewed_at       DATETIME(3)   NULL,
  signed_at       DATETIME(3)   NULL,
  declined_at     DATETIME(3)   NULL,
  decline_reason  VARCHAR(1000) NULL,
  consent_at      DATETIME(3)   NULL,
  signature_type  VARCHAR(8)    NULL,
  CONSTRAINT fk_signature_signer_request FOREIGN KEY (request_id) REFERENCES signature_request (id),
  CONSTRAINT uq_signature_signer_position UNIQUE (request_id, position)
);

CREATE TABLE signature_cc (
  request_id  VARCHAR(36)  NOT NULL,
  position    INT          NOT NULL,
  email       VARCHAR(254) NOT NULL,
  PRIMARY KEY (request_id, position),
  CONSTRAINT fk_signature_cc_request FOREIGN KEY (request_id) REFERENCES signature_request (id)
);

CREATE TABLE signature_field (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  request_id  VARCHAR(36)   NOT NULL,
  signer_id   VARCHAR(36)   NOT NULL,
  field_type  VARCHAR(16)   NOT NULL,
  page        INT           NOT NULL,
  x           DOUBLE        NOT NULL,
  y           DOUBLE        NOT NULL,
  width       DOUBLE        NOT NULL,
  height      DOUBLE        NOT NULL,
  required    BOOLEAN       NOT NULL,
  field_value VARCHAR(1000) NULL,
  CONSTRAINT fk_signature_field_request FOREIGN KEY (request_id) REFERENCES signature_request (id),
  CONSTRAINT fk_signature_field_signer FOREIGN KEY (signer_id) REFERENCES signature_signer (id)
);
CREATE INDEX ix_signature_field_signer ON signature_field (signer_id);

-- One row per link emailed to a signer (invitation or reminder); only the hash is kept.
CREATE TABLE signer_token (
  token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
  signer_id   VARCHAR(36)  NOT NULL,
  request_id  VARCHAR(36)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT fk_signer_token_signer FOREIGN KEY (signer_id) REFERENCES signature_signer (id)
);
CREATE INDEX ix_signer_token_signer ON signer_token (signer_id);

-- Webhook settings per org and the delivery attempts a sender may inspect.
CREATE TABLE webhook_setting (
  org_id        VARCHAR(36)   NOT NULL PRIMARY KEY,
  callback_url  VARCHAR(1000) NOT NULL,
  secret        VARCHAR(200)  NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  CONSTRAINT fk_webhook_setting_org FOREIGN KEY (org_id) REFERENCES org (id)
);

CREATE TABLE webhook_delivery (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  request_id   VARCHAR(36)   NOT NULL,
  org_id       VARCHAR(36)   NOT NULL,
  event        VARCHAR(40)   NOT NULL,
  payload      VARCHAR(4000) NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  attempts     INT           NOT NULL,
  last_status  INT           NULL,
  last_error   VARCHAR(500)  NULL,
  created_at   DATETIME(3)   NOT NULL,
  delivered_at DATETIME(3)   NULL
);
CREATE INDEX ix_webhook_delivery_request ON webhook_delivery (request_id, created_at);
