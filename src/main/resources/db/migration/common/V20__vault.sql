-- Document vault (promises P8, P9, P13). Bytes are stored encrypted in the blob store under the
-- object id; the row keeps the data key only wrapped by a key-encryption key (kek_id). Deleting
-- the object row destroys the key: the crypto-shred.
CREATE TABLE vault_document (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  org_id           VARCHAR(36)   NOT NULL,
  file_name        VARCHAR(200)  NOT NULL,
  current_version  INT           NOT NULL,
  legal_hold       BOOLEAN       NOT NULL,
  retain_until     DATETIME(3)   NULL,
  created_by       VARCHAR(64)   NOT NULL,
  created_at       DATETIME(3)   NOT NULL,
  CONSTRAINT fk_vault_document_org FOREIGN KEY (org_id) REFERENCES org (id)
);
CREATE INDEX ix_vault_document_org ON vault_document (org_id, created_at);

CREATE TABLE vault_object (
  id           VARCHAR(36)    NOT NULL PRIMARY KEY,
  document_id  VARCHAR(36)    NOT NULL,
  version      INT            NOT NULL,
  size_bytes   BIGINT         NOT NULL,
  sha256       VARCHAR(64)    NOT NULL,
  pages        INT            NOT NULL,
  kek_id       VARCHAR(300)   NOT NULL,
  wrapped_key  VARCHAR(1024)  NOT NULL,
  created_at   DATETIME(3)    NOT NULL,
  CONSTRAINT uq_vault_object_version UNIQUE (document_id, version),
  CONSTRAINT fk_vault_object_document FOREIGN KEY (document_id) REFERENCES vault_document (id)
);
CREATE INDEX ix_vault_object_kek ON vault_object (kek_id);
