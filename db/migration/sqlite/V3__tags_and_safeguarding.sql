-- Theme tags on replies, the language each reply was written in, and safeguarding flags.

-- A reply in a language the campaign's classifier was not trained on is left untagged and
-- flagged for a person to read rather than tagged wrongly.
ALTER TABLE reply ADD COLUMN needs_review BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE reply_tag (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    reply_id              INTEGER      NOT NULL REFERENCES reply (id) ON DELETE CASCADE,
    theme                 VARCHAR(64)  NOT NULL,
    -- the model's calibrated confidence in [0,1]; 1 for people's own tags
    confidence            DOUBLE PRECISION NOT NULL,
    -- model | participant | reviewer: people's tags are never overwritten by a later model
    source                VARCHAR(16)  NOT NULL,
    model_version         VARCHAR(64),
    created_at            BIGINT       NOT NULL
);
CREATE INDEX ix_reply_tag_reply ON reply_tag (reply_id);
CREATE INDEX ix_reply_tag_theme ON reply_tag (theme, source);

-- Raised when an inbound message suggests someone may be at risk; staff see these first.
CREATE TABLE safeguarding_flag (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id        INTEGER      NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    message_id            INTEGER      REFERENCES message (id) ON DELETE SET NULL,
    campaign_id           VARCHAR(64)  NOT NULL,
    -- comma-separated categories: suicide, self_harm, abuse, child_at_risk, medical_emergency
    categories            VARCHAR(200) NOT NULL,
    -- pattern | model | both
    detected_by           VARCHAR(16)  NOT NULL,
    created_at            BIGINT       NOT NULL,
    acknowledged_at       BIGINT,
    acknowledged_by       VARCHAR(100)
);
CREATE INDEX ix_safeguarding_open ON safeguarding_flag (acknowledged_at, created_at);
