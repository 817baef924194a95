-- Members enrolled or anonymized are touched too (kpi_member_touches), so the
-- members per tier under a segment or tier filter (metric `tier:<key>` of
-- kpi_member_dimension_totals) follow them; a change of tier already moves the
-- member (0041) and so recounts them.

CREATE OR REPLACE FUNCTION lazo_kpi_member_touches_enrolled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_member_touches (program_id, member_id) SELECT n.program_id, n.id FROM new_rows n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER members_kpi_touches_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches_enrolled();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_kpi_member_touches_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_member_touches (program_id, member_id) VALUES (NEW.program_id, NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER members_kpi_touches_status AFTER UPDATE OF status ON members
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION lazo_kpi_member_touches_status();
--> statement-breakpoint
-- Existing programs: every member is recounted by the next refresh (their tier is counted from then on).
INSERT INTO kpi_member_touches (program_id, member_id) SELECT program_id, id FROM members;
