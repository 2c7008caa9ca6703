-- Per-party ownership of vault documents (promise P4). A party is "org:<org id>" (the org that
-- stored it) or "signer:<signer id>" (a signer's copy of a completed request). A party's deletion
-- removes its row, i.e. its access; the bytes and data key go when the last party lets go.
CREATE TABLE vault_party (
  document_id  VARCHAR(36)  NOT NULL,
  party        VARCHAR(80)  NOT NULL,
  granted_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (document_id, party),
  CONSTRAINT fk_vault_party_document FOREIGN KEY (document_id) REFERENCES vault_document (id)
);

CREATE INDEX ix_vault_party_party ON vault_party (party);

-- Documents stored before parties existed belong to their org alone.
INSERT INTO vault_party (document_id, party, granted_at)
  SELECT id, CONCAT('org:', org_id), created_at FROM vault_document;
