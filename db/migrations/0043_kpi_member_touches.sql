-- Appends the members whose summary (member_purchase_stats), account
-- (point_accounts) or member-months (kpi_member_months) a statement changed to
-- kpi_member_touches, in the writer's transaction, for the rollup refresh to
-- recount them in kpi_member_dimension_totals (docs/ANALYTICS.md, "Tier and
-- segment filters"). One row per member and statement; the refresh nets them.

CREATE OR REPLACE FUNCTION lazo_kpi_member_touches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO kpi_member_touches (program_id, member_id)
      SELECT DISTINCT o.program_id, o.member_id FROM old_rows o WHERE o.member_id IS NOT NULL;
  ELSE
    INSERT INTO kpi_member_touches (program_id, member_id)
      SELECT DISTINCT n.program_id, n.member_id FROM new_rows n WHERE n.member_id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER member_purchase_stats_kpi_touches_insert AFTER INSERT ON member_purchase_stats
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER member_purchase_stats_kpi_touches_update AFTER UPDATE ON member_purchase_stats
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER member_purchase_stats_kpi_touches_delete AFTER DELETE ON member_purchase_stats
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER point_accounts_kpi_touches_insert AFTER INSERT ON point_accounts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER point_accounts_kpi_touches_update AFTER UPDATE ON point_accounts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER point_accounts_kpi_touches_delete AFTER DELETE ON point_accounts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER kpi_member_months_kpi_touches_insert AFTER INSERT ON kpi_member_months
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER kpi_member_months_kpi_touches_update AFTER UPDATE ON kpi_member_months
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER kpi_member_months_kpi_touches_delete AFTER DELETE ON kpi_member_months
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
-- Existing programs: every member who counts for anything is recounted by the next refresh.
INSERT INTO kpi_member_touches (program_id, member_id)
  SELECT program_id, member_id FROM member_purchase_stats
  UNION SELECT program_id, member_id FROM point_accounts WHERE member_id IS NOT NULL;
