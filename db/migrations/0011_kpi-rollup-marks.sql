-- Marks the local days whose KPI rollup a write makes stale, in the writer's own
-- transaction: one set-based insert per statement (a 70,000-row import adds a
-- handful of marks), append-only so concurrent writers never wait on each other.
-- The rollup refresh (lib/services/analytics/refresh-kpi-rollups.ts) claims the
-- marks it can see and recomputes those days from the base tables.
CREATE OR REPLACE FUNCTION lazo_mark_kpi_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'purchase_refunds' THEN
    INSERT INTO kpi_rollup_marks (program_id, day)
      SELECT DISTINCT n.program_id, (n.created_at AT TIME ZONE p.time_zone)::date
      FROM new_rows n JOIN programs p ON p.id = n.program_id;
  ELSIF TG_TABLE_NAME = 'members' THEN
    INSERT INTO kpi_rollup_marks (program_id, day)
      SELECT DISTINCT n.program_id, (n.enrolled_at AT TIME ZONE p.time_zone)::date
      FROM new_rows n JOIN programs p ON p.id = n.program_id;
  ELSE
    INSERT INTO kpi_rollup_marks (program_id, day)
      SELECT DISTINCT n.program_id, (n.occurred_at AT TIME ZONE p.time_zone)::date
      FROM new_rows n JOIN programs p ON p.id = n.program_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_kpi_marks AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_mark_kpi_days();
--> statement-breakpoint
CREATE TRIGGER purchases_kpi_marks AFTER INSERT ON purchases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_mark_kpi_days();
--> statement-breakpoint
CREATE TRIGGER purchase_refunds_kpi_marks AFTER INSERT ON purchase_refunds REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_mark_kpi_days();
--> statement-breakpoint
CREATE TRIGGER members_kpi_marks AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_mark_kpi_days();
--> statement-breakpoint
-- History written before this migration: mark every day it touches, so the first refresh backfills.
INSERT INTO kpi_rollup_marks (program_id, day)
  SELECT DISTINCT x.program_id, (x.at AT TIME ZONE p.time_zone)::date
  FROM (
    SELECT program_id, occurred_at AS at FROM ledger_entries
    UNION ALL SELECT program_id, occurred_at FROM purchases
    UNION ALL SELECT program_id, created_at FROM purchase_refunds
    UNION ALL SELECT program_id, enrolled_at FROM members
  ) x JOIN programs p ON p.id = x.program_id;
