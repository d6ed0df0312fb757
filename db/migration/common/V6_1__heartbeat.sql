-- One row that /ready rewrites: proof that the database takes a write (not only that it answers),
-- so a full disk or a read-only file takes the service out of rotation.
CREATE TABLE heartbeat (
    id       INTEGER PRIMARY KEY,
    beat_at  BIGINT NOT NULL
);
INSERT INTO heartbeat (id, beat_at) VALUES (1, 0);
