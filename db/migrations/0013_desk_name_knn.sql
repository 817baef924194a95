-- Fuzzy name search at 1M members (bench:desk): a common name is shared by tens
-- of thousands of members, and scoring every row the trigram GIN index returned
-- cost seconds. A GiST trigram index answers the same operators (%, <%, LIKE)
-- and also "nearest first" (<-> and <<->) with an index scan that stops at the
-- LIMIT, so the desk scores a few hundred candidates instead. It replaces the
-- GIN index on the same expression (one index to keep up on every write).
-- The expression is exactly that of db/queries/desk-members.ts.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS members_name_trgm_gist_idx ON members USING gist (lower(name) gist_trgm_ops)';
    EXECUTE 'DROP INDEX IF EXISTS members_name_trgm_idx';
  END IF;
END
$$;
