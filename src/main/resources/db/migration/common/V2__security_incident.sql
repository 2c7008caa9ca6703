-- Security incidents (promise P7). The row holds the personal data (reporter email, description);
-- the security-incident process only carries the id and routing facts.
CREATE TABLE security_incident (
  id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
  org_id                  VARCHAR(36)   NULL,
  title                   VARCHAR(200)  NOT NULL,
  description             VARCHAR(5000) NOT NULL,
  reporter_email          VARCHAR(254)  NOT NULL,
  severity                VARCHAR(16)   NULL,
  personal_data_affected  BOOLEAN       NULL,
  summary                 VARCHAR(4000) NULL,
  affected_orgs           VARCHAR(1000) NULL,
  status                  VARCHAR(16)   NOT NULL,
  reported_at             DATETIME(3)   NOT NULL,
  closed_at               DATETIME(3)   NULL
);
CREATE INDEX ix_security_incident_org ON security_incident (org_id, reported_at);
