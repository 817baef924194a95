-- member_purchase_stats.previous_purchase_at: the moment of the member's
-- second-latest counted purchase. With last_purchase_at it answers, for a range
-- that runs to the program's latest purchase, "bought in the range" (last ≥
-- start) and "bought at least twice in the range" (previous ≥ start) from one
-- row per member, so the dashboard counts buyers, repeat buyers and active
-- members over a million members without grouping millions of purchases.
-- Kept exact by the same triggers and rules as the other columns (migrations
-- 0020 and 0025): refunded purchases do not count.

-- New purchases: the batch's two latest moments per member, merged with the
-- member's. Of two ordered pairs (a1 ≥ a2, b1 ≥ b2), the second largest of the
-- four is greatest(least(a1, b1), a2, b2); a member with no counted purchase yet
-- (last_purchase_at null) takes the batch's pair as it is.
CREATE OR REPLACE FUNCTION lazo_add_member_purchase_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_purchase_stats AS s (program_id, member_id, first_purchase_at, last_purchase_at, previous_purchase_at, purchases, kept_minor, first_kept_minor)
    SELECT k.program_id, k.member_id, min(k.occurred_at), max(k.occurred_at), max(k.occurred_at) FILTER (WHERE k.latest = 2),
      count(*), sum(k.kept), sum(k.kept) FILTER (WHERE k.occurred_at = k.first_at)
    FROM (
      SELECT n.program_id, n.member_id, n.occurred_at, n.amount_minor - n.refunded_minor AS kept,
        min(n.occurred_at) OVER (PARTITION BY n.program_id, n.member_id) AS first_at,
        row_number() OVER (PARTITION BY n.program_id, n.member_id ORDER BY n.occurred_at DESC) AS latest
      FROM new_rows n
      WHERE n.member_id IS NOT NULL AND n.status <> 'refunded'
    ) k
    GROUP BY k.program_id, k.member_id
    ORDER BY k.program_id, k.member_id
  ON CONFLICT (program_id, member_id) DO UPDATE SET
    first_purchase_at = least(s.first_purchase_at, excluded.first_purchase_at),
    last_purchase_at = greatest(s.last_purchase_at, excluded.last_purchase_at),
    previous_purchase_at = CASE
      WHEN s.last_purchase_at IS NULL THEN excluded.previous_purchase_at
      ELSE greatest(least(s.last_purchase_at, excluded.last_purchase_at), s.previous_purchase_at, excluded.previous_purchase_at)
    END,
    purchases = s.purchases + excluded.purchases,
    kept_minor = s.kept_minor + excluded.kept_minor,
    first_kept_minor = CASE
      WHEN s.first_purchase_at IS NULL OR excluded.first_purchase_at < s.first_purchase_at THEN excluded.first_kept_minor
      WHEN excluded.first_purchase_at = s.first_purchase_at THEN s.first_kept_minor + excluded.first_kept_minor
      ELSE s.first_kept_minor
    END;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One member's summary recomputed from their purchases (after a refund, a
-- change of member or time, a delete), locked first as in migration 0020.
CREATE OR REPLACE FUNCTION lazo_recount_member_purchase_stats(p_program_id uuid, p_member_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_member_id IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO member_purchase_stats (program_id, member_id) VALUES (p_program_id, p_member_id) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM member_purchase_stats WHERE program_id = p_program_id AND member_id = p_member_id FOR UPDATE;
  UPDATE member_purchase_stats s SET
    first_purchase_at = c.first_at, last_purchase_at = c.last_at, previous_purchase_at = c.previous_at,
    purchases = c.n, kept_minor = c.kept, first_kept_minor = c.first_kept
  FROM (
    SELECT min(k.occurred_at) AS first_at, max(k.occurred_at) AS last_at, max(k.occurred_at) FILTER (WHERE k.latest = 2) AS previous_at,
      count(*)::int AS n, coalesce(sum(k.kept), 0) AS kept,
      coalesce(sum(k.kept) FILTER (WHERE k.occurred_at = k.first_at), 0) AS first_kept
    FROM (
      SELECT p.occurred_at, p.amount_minor - p.refunded_minor AS kept, min(p.occurred_at) OVER () AS first_at,
        row_number() OVER (ORDER BY p.occurred_at DESC) AS latest
      FROM purchases p
      WHERE p.program_id = p_program_id AND p.member_id = p_member_id AND p.status <> 'refunded'
    ) k
  ) c
  WHERE s.program_id = p_program_id AND s.member_id = p_member_id;
END;
$$;
--> statement-breakpoint
-- Summaries written before this migration: rebuilt from the purchases into an
-- emptied table (as migration 0025 did), so neither the table nor its index
-- starts with a dead copy of each row.
DROP INDEX IF EXISTS member_purchase_stats_segment_idx;
--> statement-breakpoint
TRUNCATE member_purchase_stats;
--> statement-breakpoint
INSERT INTO member_purchase_stats (program_id, member_id, first_purchase_at, last_purchase_at, previous_purchase_at, purchases, kept_minor, first_kept_minor)
  SELECT k.program_id, k.member_id, min(k.occurred_at), max(k.occurred_at), max(k.occurred_at) FILTER (WHERE k.latest = 2),
    count(*), sum(k.kept), sum(k.kept) FILTER (WHERE k.occurred_at = k.first_at)
  FROM (
    SELECT p.program_id, p.member_id, p.occurred_at, p.amount_minor - p.refunded_minor AS kept,
      min(p.occurred_at) OVER (PARTITION BY p.program_id, p.member_id) AS first_at,
      row_number() OVER (PARTITION BY p.program_id, p.member_id ORDER BY p.occurred_at DESC) AS latest
    FROM purchases p
    WHERE p.member_id IS NOT NULL AND p.status <> 'refunded'
  ) k
  GROUP BY k.program_id, k.member_id;
--> statement-breakpoint
-- The segment index (migration 0026), now also holding previous_purchase_at, so
-- the dashboard's member counts read the summaries from it alone as well.
CREATE INDEX IF NOT EXISTS member_purchase_stats_segment_idx ON member_purchase_stats (program_id, member_id)
  INCLUDE (first_purchase_at, last_purchase_at, previous_purchase_at, purchases, kept_minor, first_kept_minor);
--> statement-breakpoint
ANALYZE member_purchase_stats;
