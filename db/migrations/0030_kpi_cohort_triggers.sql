-- Keeps kpi_member_months and kpi_cohort_counts (the dashboard's cohort
-- heatmap) exact in the writer's own transaction, whatever writes purchases:
-- the desk and API (one row), imports (INSERT … SELECT) and the generator
-- (COPY). A purchase counts unless it is refunded in full, as in
-- member_purchase_stats (migration 0020); months are local to programs.time_zone.
-- Each member-month keeps the local day of the member's first purchase in it
-- (first_day), and the counts are split by it, so a range ending mid-month
-- reads the end month exactly: the members whose first day there is ≤ its end.
--
-- Writers of one member are serialised on that member's member_purchase_stats
-- row, the row 0020's triggers lock: made if missing and locked before the
-- member's months are read, so a statement always sees every other writer's
-- months of that member committed (it waited for them) or not yet begun (they
-- wait for it). The triggers are named to fire after 0020's (triggers fire in
-- name order), so the row is usually there and already locked by then.
-- kpi_cohort_counts is append-only: each statement adds its signed changes,
-- so writers never wait on each other's counts; the rollup refresh folds them.

-- New purchases: the member-months they add or start earlier in (first_day),
-- and each touched member's cohort move when a month comes before their first
-- one (a back-dated purchase or an import of older history). A touched member's
-- cells are taken out as they were and put back as they are now; what did not
-- change cancels out in the sum. All in member order, so two bulk writers never
-- deadlock. A purchase in a month its member already bought in earlier writes nothing.
CREATE OR REPLACE FUNCTION lazo_add_kpi_member_months() RETURNS trigger LANGUAGE plpgsql AS $$
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
  -- One statement: its snapshot (taken after the locks) does not see what
  -- `written` writes, so `was` is the touched members' months before it.
  WITH batch AS (
    SELECT n.program_id, n.member_id, date_trunc('month', l.at)::date AS month, min(l.at::date) AS first_day
    FROM new_rows n JOIN programs p ON p.id = n.program_id CROSS JOIN LATERAL (SELECT n.occurred_at AT TIME ZONE p.time_zone AS at) l
    WHERE n.member_id IS NOT NULL AND n.status <> 'refunded'
    GROUP BY 1, 2, 3
  ), written AS (
    INSERT INTO kpi_member_months AS k (program_id, member_id, month, first_day)
      SELECT b.program_id, b.member_id, b.month, b.first_day FROM batch b ORDER BY 1, 2, 3
    ON CONFLICT (program_id, member_id, month) DO UPDATE SET first_day = excluded.first_day WHERE excluded.first_day < k.first_day
    RETURNING k.program_id, k.member_id, k.month, k.first_day
  ), was AS (
    SELECT o.program_id, o.member_id, o.month, o.first_day FROM kpi_member_months o
    WHERE (o.program_id, o.member_id) IN (SELECT w.program_id, w.member_id FROM written w)
  ), became AS (
    SELECT o.program_id, o.member_id, o.month, o.first_day FROM was o
    WHERE NOT EXISTS (SELECT 1 FROM written w WHERE w.program_id = o.program_id AND w.member_id = o.member_id AND w.month = o.month)
    UNION ALL
    SELECT w.program_id, w.member_id, w.month, w.first_day FROM written w
  ), changes AS (
    SELECT o.program_id, min(o.month) OVER (PARTITION BY o.program_id, o.member_id) AS cohort_month, o.month, o.first_day, -1 AS members FROM was o
    UNION ALL
    SELECT b.program_id, min(b.month) OVER (PARTITION BY b.program_id, b.member_id), b.month, b.first_day, 1 FROM became b
  )
  INSERT INTO kpi_cohort_counts (program_id, cohort_month, month, first_day, members)
    SELECT c.program_id, c.cohort_month, c.month, c.first_day, sum(c.members) FROM changes c
    GROUP BY c.program_id, c.cohort_month, c.month, c.first_day
    HAVING sum(c.members) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One member's months recomputed from their purchases (a purchase refunded in
-- full, moved to another member or time, deleted): the member's cells are
-- taken out as they were and put back as recomputed, in one statement, only the
-- cells that change being written. Locked first as in 0020: a concurrent
-- purchase of the member has then either committed (this later statement sees
-- it) or waits and adds its months on top.
CREATE OR REPLACE FUNCTION lazo_recount_kpi_member_months(p_program_id uuid, p_member_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_member_id IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO member_purchase_stats (program_id, member_id) VALUES (p_program_id, p_member_id) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM member_purchase_stats WHERE program_id = p_program_id AND member_id = p_member_id FOR UPDATE;
  WITH was AS (
    SELECT o.month, o.first_day FROM kpi_member_months o WHERE o.program_id = p_program_id AND o.member_id = p_member_id
  ), fresh AS (
    SELECT date_trunc('month', l.at)::date AS month, min(l.at::date) AS first_day
    FROM purchases pu JOIN programs pr ON pr.id = pu.program_id CROSS JOIN LATERAL (SELECT pu.occurred_at AT TIME ZONE pr.time_zone AS at) l
    WHERE pu.program_id = p_program_id AND pu.member_id = p_member_id AND pu.status <> 'refunded'
    GROUP BY 1
  ), gone AS (
    DELETE FROM kpi_member_months o
    WHERE o.program_id = p_program_id AND o.member_id = p_member_id AND o.month NOT IN (SELECT f.month FROM fresh f)
  ), came AS (
    INSERT INTO kpi_member_months AS k (program_id, member_id, month, first_day)
      SELECT p_program_id, p_member_id, f.month, f.first_day FROM fresh f
    ON CONFLICT (program_id, member_id, month) DO UPDATE SET first_day = excluded.first_day WHERE k.first_day <> excluded.first_day
  )
  INSERT INTO kpi_cohort_counts (program_id, cohort_month, month, first_day, members)
    SELECT p_program_id, x.cohort_month, x.month, x.first_day, sum(x.members) FROM (
      SELECT min(w.month) OVER () AS cohort_month, w.month, w.first_day, -1 AS members FROM was w
      UNION ALL
      SELECT min(f.month) OVER (), f.month, f.first_day, 1 FROM fresh f
    ) x
    GROUP BY x.cohort_month, x.month, x.first_day
    HAVING sum(x.members) <> 0;
END;
$$;
--> statement-breakpoint
-- The members a changed or deleted row touches, in member order (a purchase
-- moved between two members locks them in the same order in every writer).
CREATE OR REPLACE FUNCTION lazo_recount_kpi_member_months_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.program_id, NEW.member_id) IS DISTINCT FROM (OLD.program_id, OLD.member_id) THEN
    IF NEW.member_id IS NULL OR (OLD.member_id IS NOT NULL AND (OLD.program_id, OLD.member_id) < (NEW.program_id, NEW.member_id)) THEN
      PERFORM lazo_recount_kpi_member_months(OLD.program_id, OLD.member_id);
      PERFORM lazo_recount_kpi_member_months(NEW.program_id, NEW.member_id);
    ELSE
      PERFORM lazo_recount_kpi_member_months(NEW.program_id, NEW.member_id);
      PERFORM lazo_recount_kpi_member_months(OLD.program_id, OLD.member_id);
    END IF;
  ELSE
    PERFORM lazo_recount_kpi_member_months(OLD.program_id, OLD.member_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER purchases_monthly_cohorts_insert AFTER INSERT ON purchases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_add_kpi_member_months();
--> statement-breakpoint
-- Only changes that can move a month call the function: a partial refund
-- (completed → partially_refunded) or recording the earn entry does not.
CREATE TRIGGER purchases_monthly_cohorts_update AFTER UPDATE OF program_id, member_id, status, occurred_at ON purchases
  FOR EACH ROW WHEN (
    (OLD.program_id, OLD.member_id, OLD.occurred_at, OLD.status = 'refunded')
      IS DISTINCT FROM (NEW.program_id, NEW.member_id, NEW.occurred_at, NEW.status = 'refunded')
  ) EXECUTE FUNCTION lazo_recount_kpi_member_months_of_row();
--> statement-breakpoint
CREATE TRIGGER purchases_monthly_cohorts_delete AFTER DELETE ON purchases
  FOR EACH ROW EXECUTE FUNCTION lazo_recount_kpi_member_months_of_row();
--> statement-breakpoint
-- Purchases written before this migration (the triggers above already hold
-- purchases against writers until this migration commits).
INSERT INTO kpi_member_months (program_id, member_id, month, first_day)
  SELECT pu.program_id, pu.member_id, date_trunc('month', l.at)::date, min(l.at::date)
  FROM purchases pu JOIN programs pr ON pr.id = pu.program_id CROSS JOIN LATERAL (SELECT pu.occurred_at AT TIME ZONE pr.time_zone AS at) l
  WHERE pu.member_id IS NOT NULL AND pu.status <> 'refunded'
  GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO kpi_cohort_counts (program_id, cohort_month, month, first_day, members)
  SELECT k.program_id, k.cohort_month, k.month, k.first_day, count(*)
  FROM (SELECT program_id, month, first_day, min(month) OVER (PARTITION BY program_id, member_id) AS cohort_month FROM kpi_member_months) k
  GROUP BY k.program_id, k.cohort_month, k.month, k.first_day;
--> statement-breakpoint
ANALYZE kpi_member_months;
--> statement-breakpoint
ANALYZE kpi_cohort_counts;
