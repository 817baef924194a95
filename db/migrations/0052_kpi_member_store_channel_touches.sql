-- The members whose last two purchases in a store or channel (member_dimension_stats) a statement changed are appended
-- to kpi_member_touches, like their program-wide summary (0043), for the refresh to recount them in the program-wide
-- totals' `last:<store or channel>` and `previous:<…>` counts (docs/ANALYTICS.md, "Buyers, repeat buyers, active").
CREATE TRIGGER member_dimension_stats_kpi_touches_insert AFTER INSERT ON member_dimension_stats
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER member_dimension_stats_kpi_touches_update AFTER UPDATE ON member_dimension_stats
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER member_dimension_stats_kpi_touches_delete AFTER DELETE ON member_dimension_stats
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
-- Existing programs: every member who bought in a store or channel is recounted by the next refresh.
INSERT INTO kpi_member_touches (program_id, member_id)
  SELECT DISTINCT program_id, member_id FROM member_dimension_stats;
