-- API tokens get a scope: read (the default, and what every token made before now becomes) or
-- write (may also change data: correct themes, erase a participant, acknowledge a flag).
ALTER TABLE api_token ADD COLUMN scope VARCHAR(8) NOT NULL DEFAULT 'read';
