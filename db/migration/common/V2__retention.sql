-- Retention: raw text older than the retention period is deleted; the reply row (question, time,
-- later its theme tags) stays for aggregate reporting, marked with when its text was removed.
ALTER TABLE reply ADD COLUMN text_expired_at BIGINT;
CREATE INDEX ix_message_created ON message (created_at);
