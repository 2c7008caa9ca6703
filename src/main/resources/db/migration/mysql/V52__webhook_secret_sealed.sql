-- Webhook secrets are stored sealed (SecretBox: wrapped data key + AES-GCM), which is longer.
ALTER TABLE webhook_setting MODIFY secret VARCHAR(2000) NOT NULL;
