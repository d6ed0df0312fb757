-- Work that only one instance may do at a time where several share a database: long-polling
-- Telegram, the daily retention pass. The holder renews its lease; when it stops (or dies) the
-- lease runs out and another instance takes it.
CREATE TABLE lease (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(64)  NOT NULL,
    expires_at  BIGINT       NOT NULL
);
