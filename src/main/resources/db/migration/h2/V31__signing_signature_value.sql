-- A drawn signature (PNG data URL) can exceed any VARCHAR: a CLOB here, LONGTEXT on MySQL/MariaDB.
ALTER TABLE signature_signer ADD COLUMN signature_value CLOB NULL;
