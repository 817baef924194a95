-- The dashboard's tier distribution (members per tier, anonymized ones left
-- out) and its tier filter (the members of one tier) read this index alone —
-- an index-only scan — instead of every member row, which carries names,
-- contacts and consents a million times over.
CREATE INDEX IF NOT EXISTS members_program_tier_idx ON members (program_id, tier_key) INCLUDE (id, status);
