-- A member's tier history (member_tier_history) feeds the tier migration under
-- a segment or tier filter (metric `move:<from>><to>` of
-- kpi_member_dimension_totals): rows added or removed touch the member.

CREATE TRIGGER member_tier_history_kpi_touches_insert AFTER INSERT ON member_tier_history
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
CREATE TRIGGER member_tier_history_kpi_touches_delete AFTER DELETE ON member_tier_history
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_member_touches();
--> statement-breakpoint
-- Existing programs: members with a tier history are recounted by the next refresh.
INSERT INTO kpi_member_touches (program_id, member_id) SELECT DISTINCT program_id, member_id FROM member_tier_history;
