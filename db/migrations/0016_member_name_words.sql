CREATE TABLE "member_name_words" (
	"program_id" uuid NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "member_name_words_program_id_word_pk" PRIMARY KEY("program_id","word")
);
--> statement-breakpoint
ALTER TABLE "member_name_words" ADD CONSTRAINT "member_name_words_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A name folded as the desk search folds what a cashier types: lower case,
-- without accents ("Raúl Pérez" → "raul perez"; cashiers type either way).
CREATE OR REPLACE FUNCTION lazo_fold(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT translate(lower(name), 'áàâäãåéèêëíìîïóòôöõúùûüñçý', 'aaaaaaeeeeiiiiooooouuuuncy') $$;
--> statement-breakpoint
-- The words of a name, folded and split on white space. IMMUTABLE so it can back
-- an index; schema-qualified because index builds run with a safe search_path (PG 17).
CREATE OR REPLACE FUNCTION lazo_name_words(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_remove(regexp_split_to_array(public.lazo_fold(btrim(name)), '\s+'), ''), '{}') $$;
--> statement-breakpoint
-- Members holding any of a set of words, from an inverted index (&& on the array).
CREATE INDEX IF NOT EXISTS members_name_words_idx ON members USING gin (lazo_name_words(name));
--> statement-breakpoint
-- Keeps the dictionary: new members' words per statement (bulk imports insert
-- millions at once), a renamed member's words per row.
CREATE OR REPLACE FUNCTION lazo_add_name_words_from_insert() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_name_words (program_id, word)
    SELECT DISTINCT n.program_id, w FROM new_rows n, unnest(lazo_name_words(n.name)) AS w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_add_name_words_from_update() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_name_words (program_id, word)
    SELECT NEW.program_id, w FROM unnest(lazo_name_words(NEW.name)) AS w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS members_name_words_insert ON members;
--> statement-breakpoint
CREATE TRIGGER members_name_words_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_add_name_words_from_insert();
--> statement-breakpoint
DROP TRIGGER IF EXISTS members_name_words_update ON members;
--> statement-breakpoint
CREATE TRIGGER members_name_words_update AFTER UPDATE OF name ON members
  FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION lazo_add_name_words_from_update();
--> statement-breakpoint
INSERT INTO member_name_words (program_id, word)
  SELECT DISTINCT m.program_id, w FROM members m, unnest(lazo_name_words(m.name)) AS w
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- With pg_trgm the dictionary's words are found by trigram similarity, nearest
-- first, and by substring; the GiST index over members' whole names (0013) is
-- no longer read.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS member_name_words_trgm_idx ON member_name_words USING gist (word gist_trgm_ops)';
    EXECUTE 'DROP INDEX IF EXISTS members_name_trgm_gist_idx';
  END IF;
END
$$;
