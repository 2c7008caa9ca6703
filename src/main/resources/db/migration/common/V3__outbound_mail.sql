-- Every outgoing mail, once: the dedupe key makes a retried process step a no-op, and in the
-- embedded default (no SMTP host) the captured rows are the outbox an admin reads at /outbox.
CREATE TABLE outbound_mail (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  dedupe_key  VARCHAR(200)  NOT NULL,
  recipient   VARCHAR(254)  NOT NULL,
  subject     VARCHAR(200)  NOT NULL,
  body        VARCHAR(10000) NOT NULL,
  status      VARCHAR(16)   NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  CONSTRAINT uq_outbound_mail_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_outbound_mail_status ON outbound_mail (status, created_at);
