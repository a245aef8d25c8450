-- Qualifiers written beside a name: a cast member's 'uncredited', 'voice', 'credited as X' or
-- language, and an infobox item's 'associate producer' or 'A.S.C.'.
ALTER TABLE cast_members ADD COLUMN note TEXT;
ALTER TABLE credits ADD COLUMN note TEXT;
