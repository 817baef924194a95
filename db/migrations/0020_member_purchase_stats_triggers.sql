-- Keeps member_purchase_stats exact in the writer's own transaction, whatever
-- writes purchases: the desk and API (one row), imports (INSERT … SELECT) and
-- the generator (COPY). Refunded purchases do not count; partly refunded ones
-- count for what was kept — the same rules as the segment compiler's.

-- New purchases: one set-based upsert per statement, adding to what is there
-- (in member order, so two bulk writers never deadlock on each other's rows).
CREATE OR REPLACE FUNCTION lazo_add_member_purchase_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_purchase_stats AS s (program_id, member_id, first_purchase_at, last_purchase_at, purchases, kept_minor)
    SELECT n.program_id, n.member_id, min(n.occurred_at), max(n.occurred_at), count(*), sum(n.amount_minor - n.refunded_minor)
    FROM new_rows n
    WHERE n.member_id IS NOT NULL AND n.status <> 'refunded'
    GROUP BY n.program_id, n.member_id
    ORDER BY n.program_id, n.member_id
  ON CONFLICT (program_id, member_id) DO UPDATE SET
    first_purchase_at = least(s.first_purchase_at, excluded.first_purchase_at),
    last_purchase_at = greatest(s.last_purchase_at, excluded.last_purchase_at),
    purchases = s.purchases + excluded.purchases,
    kept_minor = s.kept_minor + excluded.kept_minor;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One member's summary recomputed from their purchases (after a refund, a
-- change of member or time, a delete: a maximum cannot be decremented).
-- The row is made and locked first, in its own statement: a concurrent
-- purchase of the member has then either committed (and the recount, a later
-- statement with a newer snapshot, sees it) or waits and adds itself on top.
CREATE OR REPLACE FUNCTION lazo_recount_member_purchase_stats(p_program_id uuid, p_member_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_member_id IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO member_purchase_stats (program_id, member_id) VALUES (p_program_id, p_member_id) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM member_purchase_stats WHERE program_id = p_program_id AND member_id = p_member_id FOR UPDATE;
  UPDATE member_purchase_stats s SET
    first_purchase_at = c.first_at, last_purchase_at = c.last_at, purchases = c.n, kept_minor = c.kept
  FROM (
    SELECT min(p.occurred_at) AS first_at, max(p.occurred_at) AS last_at, count(*)::int AS n, coalesce(sum(p.amount_minor - p.refunded_minor), 0) AS kept
    FROM purchases p
    WHERE p.program_id = p_program_id AND p.member_id = p_member_id AND p.status <> 'refunded'
  ) c
  WHERE s.program_id = p_program_id AND s.member_id = p_member_id;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lazo_recount_member_purchase_stats_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    PERFORM lazo_recount_member_purchase_stats(OLD.program_id, OLD.member_id);
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.program_id, NEW.member_id) IS DISTINCT FROM (OLD.program_id, OLD.member_id) THEN
    PERFORM lazo_recount_member_purchase_stats(NEW.program_id, NEW.member_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER purchases_member_stats_insert AFTER INSERT ON purchases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_add_member_purchase_stats();
--> statement-breakpoint
-- Only changes that move a summary call the function (recording the earn entry on a new purchase does not).
CREATE TRIGGER purchases_member_stats_update AFTER UPDATE OF program_id, member_id, status, occurred_at, amount_minor, refunded_minor ON purchases
  FOR EACH ROW WHEN (
    (OLD.program_id, OLD.member_id, OLD.status, OLD.occurred_at, OLD.amount_minor, OLD.refunded_minor)
      IS DISTINCT FROM (NEW.program_id, NEW.member_id, NEW.status, NEW.occurred_at, NEW.amount_minor, NEW.refunded_minor)
  ) EXECUTE FUNCTION lazo_recount_member_purchase_stats_of_row();
--> statement-breakpoint
CREATE TRIGGER purchases_member_stats_delete AFTER DELETE ON purchases
  FOR EACH ROW EXECUTE FUNCTION lazo_recount_member_purchase_stats_of_row();
--> statement-breakpoint
-- Purchases written before this migration.
INSERT INTO member_purchase_stats (program_id, member_id, first_purchase_at, last_purchase_at, purchases, kept_minor)
  SELECT p.program_id, p.member_id, min(p.occurred_at), max(p.occurred_at), count(*), sum(p.amount_minor - p.refunded_minor)
  FROM purchases p
  WHERE p.member_id IS NOT NULL AND p.status <> 'refunded'
  GROUP BY p.program_id, p.member_id
ON CONFLICT (program_id, member_id) DO NOTHING;
--> statement-breakpoint
ANALYZE member_purchase_stats;
--> statement-breakpoint
-- The segment builder's windowed conditions (purchases or spend in the last N
-- days) read only this index: the window's purchases, with what they need.
CREATE INDEX IF NOT EXISTS purchases_window_idx ON purchases (program_id, occurred_at) INCLUDE (member_id, status, amount_minor, refunded_minor);
