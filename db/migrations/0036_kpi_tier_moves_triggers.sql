-- Keeps kpi_tier_moves (tier changes per program, local day and from → to)
-- exact in the writer's own transaction: every statement that writes
-- member_tier_history (tier upgrades at purchase, the review job, manual
-- changes, imports and the generator's COPY) appends its net changes. Days are
-- local to programs.time_zone, like kpi_daily_rollups (a change of time zone
-- is followed after `rollups rebuild`).

CREATE OR REPLACE FUNCTION lazo_kpi_tier_moves_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_tier_moves (program_id, day, from_tier, to_tier, members)
    SELECT n.program_id, (n.created_at AT TIME ZONE p.time_zone)::date, n.from_tier, n.to_tier, count(*)
    FROM new_rows n JOIN programs p ON p.id = n.program_id
    GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_kpi_tier_moves_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_tier_moves (program_id, day, from_tier, to_tier, members)
    SELECT c.program_id, c.day, c.from_tier, c.to_tier, sum(c.members) FROM (
      SELECT n.program_id, (n.created_at AT TIME ZONE p.time_zone)::date AS day, n.from_tier, n.to_tier, 1 AS members
        FROM new_rows n JOIN programs p ON p.id = n.program_id
      UNION ALL
      SELECT o.program_id, (o.created_at AT TIME ZONE p.time_zone)::date, o.from_tier, o.to_tier, -1
        FROM old_rows o JOIN programs p ON p.id = o.program_id
    ) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.members) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_kpi_tier_moves_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_tier_moves (program_id, day, from_tier, to_tier, members)
    SELECT o.program_id, (o.created_at AT TIME ZONE p.time_zone)::date, o.from_tier, o.to_tier, -count(*)
    FROM old_rows o JOIN programs p ON p.id = o.program_id
    GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_tier_history_kpi_moves_insert AFTER INSERT ON member_tier_history
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_tier_moves_added();
--> statement-breakpoint
CREATE TRIGGER member_tier_history_kpi_moves_update AFTER UPDATE ON member_tier_history
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_tier_moves_changed();
--> statement-breakpoint
CREATE TRIGGER member_tier_history_kpi_moves_delete AFTER DELETE ON member_tier_history
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_tier_moves_removed();
--> statement-breakpoint
-- The moves so far; the triggers above hold member_tier_history against writers until this commits.
INSERT INTO kpi_tier_moves (program_id, day, from_tier, to_tier, members)
  SELECT h.program_id, (h.created_at AT TIME ZONE p.time_zone)::date, h.from_tier, h.to_tier, count(*)
  FROM member_tier_history h JOIN programs p ON p.id = h.program_id
  GROUP BY 1, 2, 3, 4;
