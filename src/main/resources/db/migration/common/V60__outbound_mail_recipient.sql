-- Mails of one recipient (a mail client's view of the outbox, countByRecipient): without an index
-- every such lookup reads the whole outbox.
CREATE INDEX ix_outbound_mail_recipient ON outbound_mail (recipient);
