-- The staff desk's member search at 1M members (bench:desk): every arm of the
-- search's WHERE must be able to use an index, or the whole OR becomes a scan
-- of the members table.
--   card_number LIKE '1234%'  (start of a card number): a pattern btree, as the
--                              database's collation is not C
--   the phone's digits LIKE '%5510901163%' and lower(email) LIKE '%ana@%':
--                              trigram GIN, where pg_trgm is installed (see
--                              0007_desk_trigram); without it the desk still
--                              works, by scanning.
-- The expressions are exactly those of db/queries/desk-members.ts.
CREATE INDEX IF NOT EXISTS members_program_card_pattern_idx ON members (program_id, card_number text_pattern_ops);
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS members_email_trgm_idx ON members USING gin (lower(email) gin_trgm_ops)';
    EXECUTE $i$CREATE INDEX IF NOT EXISTS members_phone_digits_trgm_idx ON members USING gin (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') gin_trgm_ops)$i$;
  END IF;
END
$$;
