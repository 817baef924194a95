-- Keeps member_dimension_stats, kpi_dimension_member_months and
-- kpi_dimension_cohort_counts (the dashboard's buyers, active members and
-- cohort heatmap under a store or channel filter) exact in the writer's own
-- transaction, whatever writes purchases. The same rules as migrations 0028
-- (last and second-latest purchase) and 0030 (member-months and signed cohort
-- changes), with each purchase counted once in each of its dimensions.
-- Writers of one member are serialised on that member's member_purchase_stats
-- row, as in 0030; these triggers are named to fire after 0028's and 0030's.

-- The dimensions a purchase belongs to: its channel, and its store when it has one.
CREATE OR REPLACE FUNCTION lazo_purchase_dimensions(p_channel text, p_store_id uuid) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_store_id IS NULL THEN ARRAY['channel:' || p_channel] ELSE ARRAY['channel:' || p_channel, 'store:' || p_store_id::text] END
$$;
--> statement-breakpoint
-- New purchases: each member's two latest moments per dimension merged with
-- what is stored (the second largest of two ordered pairs, as in 0028), then
-- the member-months they add or start earlier in, and the cohort cells that
-- change, as 0030 does per member, here per member and dimension.
CREATE OR REPLACE FUNCTION lazo_add_purchase_dimensions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_purchase_stats (program_id, member_id)
    SELECT DISTINCT n.program_id, n.member_id FROM new_rows n
    WHERE n.member_id IS NOT NULL AND n.status <> 'refunded'
    ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM member_purchase_stats s
    WHERE (s.program_id, s.member_id) IN (SELECT n.program_id, n.member_id FROM new_rows n WHERE n.member_id IS NOT NULL AND n.status <> 'refunded')
    ORDER BY s.program_id, s.member_id
    FOR UPDATE;
  INSERT INTO member_dimension_stats AS s (program_id, member_id, dimension, last_purchase_at, previous_purchase_at)
    SELECT k.program_id, k.member_id, k.dimension, max(k.occurred_at), max(k.occurred_at) FILTER (WHERE k.latest = 2)
    FROM (
      SELECT n.program_id, n.member_id, d.dimension, n.occurred_at,
        row_number() OVER (PARTITION BY n.program_id, n.member_id, d.dimension ORDER BY n.occurred_at DESC) AS latest
      FROM new_rows n CROSS JOIN LATERAL unnest(lazo_purchase_dimensions(n.channel::text, n.store_id)) d(dimension)
      WHERE n.member_id IS NOT NULL AND n.status <> 'refunded'
    ) k
    GROUP BY k.program_id, k.member_id, k.dimension
    ORDER BY k.program_id, k.member_id, k.dimension
  ON CONFLICT (program_id, member_id, dimension) DO UPDATE SET
    last_purchase_at = greatest(s.last_purchase_at, excluded.last_purchase_at),
    previous_purchase_at = greatest(least(s.last_purchase_at, excluded.last_purchase_at), s.previous_purchase_at, excluded.previous_purchase_at);
  -- One statement: its snapshot does not see what `written` writes, so `was` is the touched months before it.
  WITH batch AS (
    SELECT n.program_id, n.member_id, d.dimension, date_trunc('month', l.at)::date AS month, min(l.at::date) AS first_day
    FROM new_rows n JOIN programs p ON p.id = n.program_id
      CROSS JOIN LATERAL (SELECT n.occurred_at AT TIME ZONE p.time_zone AS at) l
      CROSS JOIN LATERAL unnest(lazo_purchase_dimensions(n.channel::text, n.store_id)) d(dimension)
    WHERE n.member_id IS NOT NULL AND n.status <> 'refunded'
    GROUP BY 1, 2, 3, 4
  ), written AS (
    INSERT INTO kpi_dimension_member_months AS k (program_id, member_id, dimension, month, first_day)
      SELECT b.program_id, b.member_id, b.dimension, b.month, b.first_day FROM batch b ORDER BY 1, 2, 3, 4
    ON CONFLICT (program_id, member_id, dimension, month) DO UPDATE SET first_day = excluded.first_day WHERE excluded.first_day < k.first_day
    RETURNING k.program_id, k.member_id, k.dimension, k.month, k.first_day
  ), was AS (
    SELECT o.program_id, o.member_id, o.dimension, o.month, o.first_day FROM kpi_dimension_member_months o
    WHERE (o.program_id, o.member_id, o.dimension) IN (SELECT w.program_id, w.member_id, w.dimension FROM written w)
  ), became AS (
    SELECT o.program_id, o.member_id, o.dimension, o.month, o.first_day FROM was o
    WHERE NOT EXISTS (SELECT 1 FROM written w WHERE w.program_id = o.program_id AND w.member_id = o.member_id AND w.dimension = o.dimension AND w.month = o.month)
    UNION ALL
    SELECT w.program_id, w.member_id, w.dimension, w.month, w.first_day FROM written w
  ), changes AS (
    SELECT o.program_id, o.dimension, min(o.month) OVER (PARTITION BY o.program_id, o.member_id, o.dimension) AS cohort_month, o.month, o.first_day, -1 AS members FROM was o
    UNION ALL
    SELECT b.program_id, b.dimension, min(b.month) OVER (PARTITION BY b.program_id, b.member_id, b.dimension), b.month, b.first_day, 1 FROM became b
  )
  INSERT INTO kpi_dimension_cohort_counts (program_id, dimension, cohort_month, month, first_day, members)
    SELECT c.program_id, c.dimension, c.cohort_month, c.month, c.first_day, sum(c.members) FROM changes c
    GROUP BY c.program_id, c.dimension, c.cohort_month, c.month, c.first_day
    HAVING sum(c.members) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One member's dimensions recomputed from their purchases (a purchase refunded
-- in full, moved to another member, time, store or channel, deleted), locked
-- first as in 0030: the summaries rewritten, the member-months and cohort cells
-- taken out as they were and put back as recomputed (only changes written).
CREATE OR REPLACE FUNCTION lazo_recount_purchase_dimensions(p_program_id uuid, p_member_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_member_id IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO member_purchase_stats (program_id, member_id) VALUES (p_program_id, p_member_id) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM member_purchase_stats WHERE program_id = p_program_id AND member_id = p_member_id FOR UPDATE;
  DELETE FROM member_dimension_stats WHERE program_id = p_program_id AND member_id = p_member_id;
  INSERT INTO member_dimension_stats (program_id, member_id, dimension, last_purchase_at, previous_purchase_at)
    SELECT p_program_id, p_member_id, k.dimension, max(k.occurred_at), max(k.occurred_at) FILTER (WHERE k.latest = 2)
    FROM (
      SELECT d.dimension, pu.occurred_at, row_number() OVER (PARTITION BY d.dimension ORDER BY pu.occurred_at DESC) AS latest
      FROM purchases pu CROSS JOIN LATERAL unnest(lazo_purchase_dimensions(pu.channel::text, pu.store_id)) d(dimension)
      WHERE pu.program_id = p_program_id AND pu.member_id = p_member_id AND pu.status <> 'refunded'
    ) k
    GROUP BY k.dimension;
  WITH was AS (
    SELECT o.dimension, o.month, o.first_day FROM kpi_dimension_member_months o WHERE o.program_id = p_program_id AND o.member_id = p_member_id
  ), fresh AS (
    SELECT d.dimension, date_trunc('month', l.at)::date AS month, min(l.at::date) AS first_day
    FROM purchases pu JOIN programs pr ON pr.id = pu.program_id
      CROSS JOIN LATERAL (SELECT pu.occurred_at AT TIME ZONE pr.time_zone AS at) l
      CROSS JOIN LATERAL unnest(lazo_purchase_dimensions(pu.channel::text, pu.store_id)) d(dimension)
    WHERE pu.program_id = p_program_id AND pu.member_id = p_member_id AND pu.status <> 'refunded'
    GROUP BY 1, 2
  ), gone AS (
    DELETE FROM kpi_dimension_member_months o
    WHERE o.program_id = p_program_id AND o.member_id = p_member_id
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.dimension = o.dimension AND f.month = o.month)
  ), came AS (
    INSERT INTO kpi_dimension_member_months AS k (program_id, member_id, dimension, month, first_day)
      SELECT p_program_id, p_member_id, f.dimension, f.month, f.first_day FROM fresh f
    ON CONFLICT (program_id, member_id, dimension, month) DO UPDATE SET first_day = excluded.first_day WHERE k.first_day <> excluded.first_day
  )
  INSERT INTO kpi_dimension_cohort_counts (program_id, dimension, cohort_month, month, first_day, members)
    SELECT p_program_id, x.dimension, x.cohort_month, x.month, x.first_day, sum(x.members) FROM (
      SELECT w.dimension, min(w.month) OVER (PARTITION BY w.dimension) AS cohort_month, w.month, w.first_day, -1 AS members FROM was w
      UNION ALL
      SELECT f.dimension, min(f.month) OVER (PARTITION BY f.dimension), f.month, f.first_day, 1 FROM fresh f
    ) x
    GROUP BY x.dimension, x.cohort_month, x.month, x.first_day
    HAVING sum(x.members) <> 0;
END;
$$;
--> statement-breakpoint
-- The members a changed or deleted row touches, in member order (as in 0030).
CREATE OR REPLACE FUNCTION lazo_recount_purchase_dimensions_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.program_id, NEW.member_id) IS DISTINCT FROM (OLD.program_id, OLD.member_id) THEN
    IF NEW.member_id IS NULL OR (OLD.member_id IS NOT NULL AND (OLD.program_id, OLD.member_id) < (NEW.program_id, NEW.member_id)) THEN
      PERFORM lazo_recount_purchase_dimensions(OLD.program_id, OLD.member_id);
      PERFORM lazo_recount_purchase_dimensions(NEW.program_id, NEW.member_id);
    ELSE
      PERFORM lazo_recount_purchase_dimensions(NEW.program_id, NEW.member_id);
      PERFORM lazo_recount_purchase_dimensions(OLD.program_id, OLD.member_id);
    END IF;
  ELSE
    PERFORM lazo_recount_purchase_dimensions(OLD.program_id, OLD.member_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER purchases_per_dimension_insert AFTER INSERT ON purchases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_add_purchase_dimensions();
--> statement-breakpoint
-- Only changes that can move a purchase between members, moments or
-- dimensions, or in or out of the count (refunded in full), call the function.
CREATE TRIGGER purchases_per_dimension_update AFTER UPDATE OF program_id, member_id, status, occurred_at, channel, store_id ON purchases
  FOR EACH ROW WHEN (
    (OLD.program_id, OLD.member_id, OLD.occurred_at, OLD.status = 'refunded', OLD.channel, OLD.store_id)
      IS DISTINCT FROM (NEW.program_id, NEW.member_id, NEW.occurred_at, NEW.status = 'refunded', NEW.channel, NEW.store_id)
  ) EXECUTE FUNCTION lazo_recount_purchase_dimensions_of_row();
--> statement-breakpoint
CREATE TRIGGER purchases_per_dimension_delete AFTER DELETE ON purchases
  FOR EACH ROW EXECUTE FUNCTION lazo_recount_purchase_dimensions_of_row();
--> statement-breakpoint
-- Purchases written before this migration (the triggers above already hold
-- purchases against writers until this migration commits).
INSERT INTO member_dimension_stats (program_id, member_id, dimension, last_purchase_at, previous_purchase_at)
  SELECT k.program_id, k.member_id, k.dimension, max(k.occurred_at), max(k.occurred_at) FILTER (WHERE k.latest = 2)
  FROM (
    SELECT pu.program_id, pu.member_id, d.dimension, pu.occurred_at,
      row_number() OVER (PARTITION BY pu.program_id, pu.member_id, d.dimension ORDER BY pu.occurred_at DESC) AS latest
    FROM purchases pu CROSS JOIN LATERAL unnest(lazo_purchase_dimensions(pu.channel::text, pu.store_id)) d(dimension)
    WHERE pu.member_id IS NOT NULL AND pu.status <> 'refunded'
  ) k
  WHERE k.latest <= 2
  GROUP BY k.program_id, k.member_id, k.dimension;
--> statement-breakpoint
INSERT INTO kpi_dimension_member_months (program_id, member_id, dimension, month, first_day)
  SELECT pu.program_id, pu.member_id, d.dimension, date_trunc('month', l.at)::date, min(l.at::date)
  FROM purchases pu JOIN programs pr ON pr.id = pu.program_id
    CROSS JOIN LATERAL (SELECT pu.occurred_at AT TIME ZONE pr.time_zone AS at) l
    CROSS JOIN LATERAL unnest(lazo_purchase_dimensions(pu.channel::text, pu.store_id)) d(dimension)
  WHERE pu.member_id IS NOT NULL AND pu.status <> 'refunded'
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO kpi_dimension_cohort_counts (program_id, dimension, cohort_month, month, first_day, members)
  SELECT k.program_id, k.dimension, k.cohort_month, k.month, k.first_day, count(*)::int
  FROM (
    SELECT m.program_id, m.dimension, m.month, m.first_day, min(m.month) OVER (PARTITION BY m.program_id, m.member_id, m.dimension) AS cohort_month
    FROM kpi_dimension_member_months m
  ) k
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- Counting a dimension's buyers reads this index alone (program, dimension, then both moments).
CREATE INDEX IF NOT EXISTS member_dimension_stats_count_idx ON member_dimension_stats (program_id, dimension)
  INCLUDE (last_purchase_at, previous_purchase_at);
--> statement-breakpoint
ANALYZE member_dimension_stats;
--> statement-breakpoint
ANALYZE kpi_dimension_member_months;
--> statement-breakpoint
ANALYZE kpi_dimension_cohort_counts;
