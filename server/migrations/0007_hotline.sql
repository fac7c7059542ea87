-- The 12345 hotline intake: each hotline case arrives once, whatever the hotline replays.
-- Its case number and a hash of its content make a replay recognisable (same case, same content:
-- the same ticket) and a conflicting one refusable (same case, other content).
ALTER TABLE tickets ADD COLUMN external_id text CHECK (external_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$');
ALTER TABLE tickets ADD COLUMN content_hash text CHECK (content_hash ~ '^[0-9a-f]{64}$');
ALTER TABLE tickets ADD CONSTRAINT tickets_external_id_hashed CHECK ((external_id IS NULL) = (content_hash IS NULL));
-- NULLs are distinct: tickets entered in the console carry none and never collide.
CREATE UNIQUE INDEX tickets_source_external_id_key ON tickets (source, external_id);
