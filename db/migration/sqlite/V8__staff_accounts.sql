-- Staff accounts (the decision makers' workspace): who may sign in, with which role, their
-- sessions, failed sign-ins (for throttling) and an audit trail of sign-ins and account changes.
-- db/migration/postgresql/V8__staff_accounts.sql is the same but for the id columns.

CREATE TABLE staff_user (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    -- normalised: trimmed and lower-cased
    email                 VARCHAR(320) NOT NULL,
    role                  VARCHAR(16)  NOT NULL,                  -- admin | analyst | facilitator
    -- bcrypt; never the password
    password_hash         VARCHAR(100) NOT NULL,
    disabled              BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at            BIGINT       NOT NULL,
    updated_at            BIGINT       NOT NULL,
    CONSTRAINT uq_staff_user_email UNIQUE (email)
);

-- A signed-in browser. Only a SHA-256 of the session cookie is stored.
CREATE TABLE staff_session (
    token_hash            VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id               INTEGER      NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    -- sent back in every form of this session
    csrf_token            VARCHAR(64)  NOT NULL,
    created_at            BIGINT       NOT NULL,
    last_seen_at          BIGINT       NOT NULL
);
CREATE INDEX ix_staff_session_user ON staff_session (user_id);

-- One row per failed sign-in, per account and per address (each a SHA-256, so neither a mistyped
-- email nor an address is kept as written); rows older than the throttling window are deleted.
CREATE TABLE sign_in_failure (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    throttle_key          VARCHAR(80)  NOT NULL,
    failed_at             BIGINT       NOT NULL
);
CREATE INDEX ix_sign_in_failure_key ON sign_in_failure (throttle_key, failed_at);

-- Who did what, when: sign-ins (and failures), sign-outs, accounts added, roles changed,
-- accounts disabled, passwords reset. Ids only: no password and no email address.
CREATE TABLE staff_audit (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    at                    BIGINT       NOT NULL,
    -- the staff user who acted (null: the command line, or nobody signed in)
    actor_id              INTEGER,
    action                VARCHAR(32)  NOT NULL,
    -- the account acted on (null: none known, e.g. a sign-in with an unknown email)
    subject_id            INTEGER,
    detail                VARCHAR(200)
);
CREATE INDEX ix_staff_audit_at ON staff_audit (at);
