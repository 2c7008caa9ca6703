-- A drawn signature (PNG data URL) can exceed any VARCHAR: LONGTEXT here, a CLOB on H2.
ALTER TABLE signature_signer ADD COLUMN signature_value LONGTEXT NULL;
