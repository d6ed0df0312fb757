-- Chinwag schema, version 1: residents' conversations and everything they said.
-- Portable SQL only (SQLite and PostgreSQL). Times are UTC epoch milliseconds (BIGINT):
-- unambiguous, sortable and identical on both databases.

CREATE TABLE participant (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id           VARCHAR(64)  NOT NULL,
    channel               VARCHAR(32)  NOT NULL,
    -- the channel's own id for this person (a Telegram chat id can exceed 2^32): kept as text
    channel_user_id       VARCHAR(128) NOT NULL,
    -- what staff and the API see instead of the channel id
    pseudonym             VARCHAR(32)  NOT NULL,
    language              VARCHAR(16),
    consent               VARCHAR(16)  NOT NULL DEFAULT 'none',   -- none | given | refused
    consent_at            BIGINT,
    consent_script_id     VARCHAR(64),
    consent_script_version INTEGER,
    opted_in              BOOLEAN      NOT NULL DEFAULT FALSE,
    opted_in_at           BIGINT,
    area                  VARCHAR(200),
    age_band              VARCHAR(32),
    community             VARCHAR(500),
    -- false once the person has blocked the bot or said /stop
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at            BIGINT       NOT NULL,
    updated_at            BIGINT       NOT NULL,
    CONSTRAINT uq_participant_channel UNIQUE (channel, channel_user_id),
    CONSTRAINT uq_participant_pseudonym UNIQUE (pseudonym)
);

CREATE TABLE conversation (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id        INTEGER       NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    campaign_id           VARCHAR(64)  NOT NULL,
    script_id             VARCHAR(64)  NOT NULL,
    script_version        INTEGER      NOT NULL,
    step                  VARCHAR(64)  NOT NULL,
    -- the engine's state as JSON (step, pending confirmations, variables)
    state                 TEXT         NOT NULL,
    status                VARCHAR(16)  NOT NULL,                  -- active | finished | stopped
    event_code            VARCHAR(64),
    started_at            BIGINT       NOT NULL,
    updated_at            BIGINT       NOT NULL
);
CREATE INDEX ix_conversation_participant ON conversation (participant_id, id);

CREATE TABLE message (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id        INTEGER       REFERENCES participant (id) ON DELETE CASCADE,
    conversation_id       INTEGER       REFERENCES conversation (id) ON DELETE CASCADE,
    campaign_id           VARCHAR(64)  NOT NULL,
    channel               VARCHAR(32)  NOT NULL,
    direction             VARCHAR(8)   NOT NULL,                  -- in | out
    -- inbound: the channel's id for the delivery (Telegram update_id), unique so redelivery is a no-op
    external_id           VARCHAR(128),
    -- outbound only, and only when the participant row is gone (the "all deleted" confirmation
    -- after /forget): the channel id to send to, cleared once sent
    recipient             VARCHAR(128),
    kind                  VARCHAR(16)  NOT NULL,                  -- text | button | command | unsupported
    body                  TEXT,
    -- outbound: buttons as JSON
    buttons               TEXT,
    status                VARCHAR(16)  NOT NULL,                  -- received | pending | sent | failed
    attempts              INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at       BIGINT,
    last_error            VARCHAR(500),
    created_at            BIGINT       NOT NULL,
    sent_at               BIGINT,
    CONSTRAINT uq_message_external UNIQUE (channel, direction, external_id)
);
CREATE INDEX ix_message_outbox ON message (direction, status, next_attempt_at);
CREATE INDEX ix_message_participant ON message (participant_id, id);

CREATE TABLE reply (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id        INTEGER       NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    conversation_id       INTEGER       NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    message_id            INTEGER       NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    campaign_id           VARCHAR(64)  NOT NULL,
    script_id             VARCHAR(64)  NOT NULL,
    script_version        INTEGER      NOT NULL,
    question_id           VARCHAR(64)  NOT NULL,
    body                  TEXT         NOT NULL,
    language              VARCHAR(16),
    event_code            VARCHAR(64),
    created_at            BIGINT       NOT NULL
);
CREATE INDEX ix_reply_created ON reply (campaign_id, created_at);

CREATE TABLE api_token (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    name                  VARCHAR(100) NOT NULL,
    -- SHA-256 of the token: tokens are long random strings, so a fast hash is enough
    token_hash            VARCHAR(64)  NOT NULL,
    created_at            BIGINT       NOT NULL,
    last_used_at          BIGINT,
    revoked_at            BIGINT,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT uq_api_token_name UNIQUE (name)
);
