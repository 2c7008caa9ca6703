-- Organisations (tenants). Every app row carries its org; every query filters by it.
CREATE TABLE org (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  slug        VARCHAR(64)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT uq_org_slug UNIQUE (slug)
);

-- Which org a user (a Camunda identity user, the one user store) belongs to. One org per user.
CREATE TABLE org_member (
  user_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
  org_id      VARCHAR(36)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT fk_org_member_org FOREIGN KEY (org_id) REFERENCES org (id)
);

-- API keys: only a SHA-256 of the secret is kept; the prefix identifies the key in lists and logs.
CREATE TABLE api_key (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  org_id        VARCHAR(36)  NOT NULL,
  user_id       VARCHAR(64)  NOT NULL,
  name          VARCHAR(100) NOT NULL,
  prefix        VARCHAR(16)  NOT NULL,
  secret_hash   VARCHAR(64)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  last_used_at  DATETIME(3)  NULL,
  revoked_at    DATETIME(3)  NULL,
  CONSTRAINT uq_api_key_hash UNIQUE (secret_hash),
  CONSTRAINT fk_api_key_org FOREIGN KEY (org_id) REFERENCES org (id)
);
CREATE INDEX ix_api_key_user ON api_key (user_id);
