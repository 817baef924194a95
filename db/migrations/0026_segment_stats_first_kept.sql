-- member_purchase_stats.first_kept_minor: what was kept of the member's
-- purchases made at first_purchase_at (one, unless several share that moment).
-- A segment window that starts after the first purchase holds at most
-- kept_minor − first_kept_minor, so "spent ≥ X in the last N days" is answered
-- from the summary for most members whose history straddles the window's start,
-- without reading their purchases. Kept exact by the same triggers as the other
-- columns (migration 0020), with the same rules: refunded purchases do not
-- count, partly refunded ones count for what was kept.

-- New purchases: as before, plus the first moment's amount. A batch whose first
-- purchase is earlier than the member's replaces it, one at the same moment adds
-- to it, a later one leaves it.
CREATE OR REPLACE FUNCTION lazo_add_member_purchase_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_purchase_stats AS s (program_id, member_id, first_purchase_at, last_purchase_at, purchases, kept_minor, first_kept_minor)
    SELECT k.program_id, k.member_id, min(k.occurred_at), max(k.occurred_at), count(*), sum(k.kept), sum(k.kept) FILTER (WHERE k.occurred_at = k.first_at)
    FROM (
      SELECT n.program_id, n.member_id, n.occurred_at, n.amount_minor - n.refunded_minor AS kept,
        min(n.occurred_at) OVER (PARTITION BY n.program_id, n.member_id) AS first_at
      FROM new_rows n
      WHERE n.member_id IS NOT NULL AND n.status <> 'refunded'
    ) k
    GROUP BY k.program_id, k.member_id
    ORDER BY k.program_id, k.member_id
  ON CONFLICT (program_id, member_id) DO UPDATE SET
    first_purchase_at = least(s.first_purchase_at, excluded.first_purchase_at),
    last_purchase_at = greatest(s.last_purchase_at, excluded.last_purchase_at),
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
    first_purchase_at = c.first_at, last_purchase_at = c.last_at, purchases = c.n, kept_minor = c.kept, first_kept_minor = c.first_kept
  FROM (
    SELECT min(k.occurred_at) AS first_at, max(k.occurred_at) AS last_at, count(*)::int AS n, coalesce(sum(k.kept), 0) AS kept,
      coalesce(sum(k.kept) FILTER (WHERE k.occurred_at = k.first_at), 0) AS first_kept
    FROM (
      SELECT p.occurred_at, p.amount_minor - p.refunded_minor AS kept, min(p.occurred_at) OVER () AS first_at
      FROM purchases p
      WHERE p.program_id = p_program_id AND p.member_id = p_member_id AND p.status <> 'refunded'
    ) k
  ) c
  WHERE s.program_id = p_program_id AND s.member_id = p_member_id;
END;
$$;
--> statement-breakpoint
-- Summaries written before this migration: rebuilt from the purchases (the
-- rules the triggers follow) into an emptied table, rather than updated row by
-- row, so the table and the index below start without a dead copy of each row.
-- Members whose every purchase was refunded get no row (the same as a row of
-- zeros: never bought).
TRUNCATE member_purchase_stats;
--> statement-breakpoint
INSERT INTO member_purchase_stats (program_id, member_id, first_purchase_at, last_purchase_at, purchases, kept_minor, first_kept_minor)
  SELECT k.program_id, k.member_id, min(k.occurred_at), max(k.occurred_at), count(*), sum(k.kept), sum(k.kept) FILTER (WHERE k.occurred_at = k.first_at)
  FROM (
    SELECT p.program_id, p.member_id, p.occurred_at, p.amount_minor - p.refunded_minor AS kept,
      min(p.occurred_at) OVER (PARTITION BY p.program_id, p.member_id) AS first_at
    FROM purchases p
    WHERE p.member_id IS NOT NULL AND p.status <> 'refunded'
  ) k
  GROUP BY k.program_id, k.member_id;
--> statement-breakpoint
-- The segment builder joins each member's summary to the members in member
-- order (a merge join, see db/queries/segments.ts): this index holds every
-- column it reads, in that order, so the summaries are read from it alone (an
-- index-only scan). It replaces member_purchase_stats_last_idx, which served
-- the lookups by last purchase that the merge join does without.
CREATE INDEX IF NOT EXISTS member_purchase_stats_segment_idx ON member_purchase_stats (program_id, member_id)
  INCLUDE (first_purchase_at, last_purchase_at, purchases, kept_minor, first_kept_minor);
--> statement-breakpoint
ANALYZE member_purchase_stats;
