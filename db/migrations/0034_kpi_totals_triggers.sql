-- Keeps kpi_tier_counts (members per tier, anonymized members left out) and
-- kpi_outstanding_points (available + pending over the point accounts) exact
-- in the writer's own transaction, whatever writes members and accounts: the
-- desk, the API, imports and the generator (COPY fires statement triggers).
-- Each statement appends its net change per program (and tier): writers never
-- wait on each other's totals; the rollup refresh folds the rows.

CREATE OR REPLACE FUNCTION lazo_kpi_tier_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_tier_counts (program_id, tier_key, members)
    SELECT n.program_id, n.tier_key, count(*) FROM new_rows n WHERE n.status <> 'anonymized' GROUP BY 1, 2;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_kpi_tier_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most member updates touch neither tier nor status: they cancel out and write nothing.
  INSERT INTO kpi_tier_counts (program_id, tier_key, members)
    SELECT c.program_id, c.tier_key, sum(c.members) FROM (
      SELECT n.program_id, n.tier_key, 1 AS members FROM new_rows n WHERE n.status <> 'anonymized'
      UNION ALL
      SELECT o.program_id, o.tier_key, -1 FROM old_rows o WHERE o.status <> 'anonymized'
    ) c
    GROUP BY 1, 2 HAVING sum(c.members) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_kpi_tier_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_tier_counts (program_id, tier_key, members)
    SELECT o.program_id, o.tier_key, -count(*) FROM old_rows o WHERE o.status <> 'anonymized' GROUP BY 1, 2;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER members_kpi_tier_counts_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_tier_counts_added();
--> statement-breakpoint
CREATE TRIGGER members_kpi_tier_counts_update AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_tier_counts_changed();
--> statement-breakpoint
CREATE TRIGGER members_kpi_tier_counts_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_tier_counts_removed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_kpi_outstanding_points_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_outstanding_points (program_id, points)
    SELECT n.program_id, sum(n.available::bigint + n.pending) FROM new_rows n GROUP BY 1 HAVING sum(n.available::bigint + n.pending) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_kpi_outstanding_points_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_outstanding_points (program_id, points)
    SELECT c.program_id, sum(c.points) FROM (
      SELECT n.program_id, n.available::bigint + n.pending AS points FROM new_rows n
      UNION ALL
      SELECT o.program_id, -(o.available::bigint + o.pending) FROM old_rows o
    ) c
    GROUP BY 1 HAVING sum(c.points) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_kpi_outstanding_points_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_outstanding_points (program_id, points)
    SELECT o.program_id, -sum(o.available::bigint + o.pending) FROM old_rows o GROUP BY 1 HAVING sum(o.available::bigint + o.pending) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER point_accounts_kpi_outstanding_insert AFTER INSERT ON point_accounts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_outstanding_points_added();
--> statement-breakpoint
CREATE TRIGGER point_accounts_kpi_outstanding_update AFTER UPDATE ON point_accounts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_outstanding_points_changed();
--> statement-breakpoint
CREATE TRIGGER point_accounts_kpi_outstanding_delete AFTER DELETE ON point_accounts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_kpi_outstanding_points_removed();
--> statement-breakpoint
-- The totals as they stand. The triggers above were created first in this
-- transaction and hold members and point_accounts against writers until it
-- commits, so no change is missed or counted twice.
INSERT INTO kpi_tier_counts (program_id, tier_key, members)
  SELECT program_id, tier_key, count(*) FROM members WHERE status <> 'anonymized' GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO kpi_outstanding_points (program_id, points)
  SELECT program_id, sum(available::bigint + pending) FROM point_accounts GROUP BY 1 HAVING sum(available::bigint + pending) <> 0;
