-- Fuzzy member search at the staff desk: pg_trgm where the server offers it
-- (bundled with embedded PGlite; a contrib package on PostgreSQL). Servers
-- without it, or a role that may not create it, keep working: the desk
-- detects the extension and falls back to plain matching.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  END IF;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm not created (%); member search uses plain matching', SQLERRM;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS members_name_trgm_idx ON members USING gin (lower(name) gin_trgm_ops)';
  END IF;
END
$$;
