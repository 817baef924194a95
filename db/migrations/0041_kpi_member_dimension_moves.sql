-- Records every change of a member's tier or segments as signed moves in
-- kpi_member_dimension_moves, in the writer's own transaction, for the rollup
-- refresh to move the member's history between member dimensions
-- (kpi_member_dimension_rollups; docs/ANALYTICS.md, "Tier and segment filters").
-- A member's first tier needs no move: their activity is written after them and
-- marks its days, which the refresh recomputes with the member's tier then.

CREATE OR REPLACE FUNCTION lazo_member_tier_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_member_dimension_moves (program_id, member_id, dimension, sign)
    SELECT NEW.program_id, NEW.id, m.dimension, m.sign
    FROM (VALUES ('tier:' || OLD.tier_key, -1), ('tier:' || NEW.tier_key, 1)) m(dimension, sign)
    WHERE m.dimension IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER members_kpi_member_dimension_moves AFTER UPDATE OF tier_key ON members
  FOR EACH ROW WHEN (OLD.tier_key IS DISTINCT FROM NEW.tier_key) EXECUTE FUNCTION lazo_member_tier_moves();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_segment_member_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_member_dimension_moves (program_id, member_id, dimension, sign)
      SELECT n.program_id, n.member_id, 'segment:' || n.segment_id::text, 1 FROM new_rows n;
  ELSE
    INSERT INTO kpi_member_dimension_moves (program_id, member_id, dimension, sign)
      SELECT o.program_id, o.member_id, 'segment:' || o.segment_id::text, -1 FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER segment_members_kpi_moves_insert AFTER INSERT ON segment_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_segment_member_moves();
--> statement-breakpoint
CREATE TRIGGER segment_members_kpi_moves_delete AFTER DELETE ON segment_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_segment_member_moves();
--> statement-breakpoint
-- Existing programs: every day with activity is recomputed by the next refresh, member dimensions included.
INSERT INTO kpi_rollup_marks (program_id, day)
  SELECT DISTINCT program_id, day FROM kpi_daily_rollups;
