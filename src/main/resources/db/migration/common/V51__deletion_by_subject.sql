-- A signer (data subject) may ask for deletion of their copies and personal data. The request is
-- confirmed through an emailed link first; only the SHA-256 of the link's token is kept. The
-- subject's address is kept only while the request runs (for the link and the certificate).
ALTER TABLE deletion_request ADD COLUMN subject_email VARCHAR(254) NULL;
ALTER TABLE deletion_request ADD COLUMN confirmation_hash VARCHAR(64) NULL;
ALTER TABLE deletion_request ADD COLUMN confirm_by DATETIME(3) NULL;
CREATE UNIQUE INDEX uq_deletion_request_confirmation ON deletion_request (confirmation_hash);

-- Whose share of the document the item lets go of: null for the org's, signer:<id> for a signer's.
ALTER TABLE deletion_item ADD COLUMN party VARCHAR(80) NULL;
