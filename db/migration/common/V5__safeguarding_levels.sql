-- Safeguarding flags have a level: urgent (a disclosure: staff see these first), check (weak but
-- real signs: the bot sent a gentle check-in with helplines) or review (a message in a language
-- the detector has no cues for: a person must read it). Older flags were all urgent.
ALTER TABLE safeguarding_flag ADD COLUMN level VARCHAR(16) NOT NULL DEFAULT 'urgent';
-- the language the message was read as (for staff who need an interpreter)
ALTER TABLE safeguarding_flag ADD COLUMN language VARCHAR(16);
