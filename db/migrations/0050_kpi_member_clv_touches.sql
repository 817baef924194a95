-- A prediction refresh rewrites member_predictions (a CLV bin per member): the members whose rows a statement wrote or
-- removed are appended to kpi_member_touches, like the summaries and accounts (0043), for the refresh to recount them
-- in the totals' `clv:<bin>` counts (docs/ANALYTICS.md, "Tier and segment filters").
CREATE TRIGGER member_predictions_kpi_touches_insert AFTER INSERT ON member_predictions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER member_predictions_kpi_touches_update AFTER UPDATE ON member_predictions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER member_predictions_kpi_touches_delete AFTER DELETE ON member_predictions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
-- Stored predictions get their bin in the distribution of the fit that wrote them (its first bin's upper bound is the
-- width), and the update above touches them for the next refresh.
UPDATE member_predictions mp SET clv_bin = least(9, greatest(0, floor(mp.clv_12m_minor / f.width)))::smallint
FROM (
  SELECT DISTINCT ON (program_id) program_id, (distributions -> 'clv' -> 0 ->> 'to')::float8 AS width
  FROM prediction_fits ORDER BY program_id, fitted_at DESC
) f
WHERE f.program_id = mp.program_id AND f.width > 0 AND mp.clv_12m_minor IS NOT NULL;
