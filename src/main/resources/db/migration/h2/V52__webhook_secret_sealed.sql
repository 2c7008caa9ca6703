-- Webhook secrets are stored sealed (SecretBox: wrapped data key + AES-GCM), which is longer.
ALTER TABLE webhook_setting ALTER COLUMN secret SET DATA TYPE VARCHAR(2000);
