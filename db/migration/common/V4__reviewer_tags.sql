-- Reviewers correct the themes of a reply through the API; their tags say who (the API token's
-- name), so a correction can be traced. Null for model and participant tags.
ALTER TABLE reply_tag ADD COLUMN tagged_by VARCHAR(100);
