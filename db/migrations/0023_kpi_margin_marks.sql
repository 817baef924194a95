-- The KPI rollup's margin columns read purchase_lines (their snapshotted unit costs). Lines are
-- normally written with their purchase, whose trigger marks the day; an import that adds lines to
-- purchases written earlier must mark it too, so purchase_lines gets the same statement trigger.
CREATE OR REPLACE FUNCTION lazo_mark_kpi_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'purchase_refunds' THEN
    INSERT INTO kpi_rollup_marks (program_id, day)
      SELECT DISTINCT n.program_id, (n.created_at AT TIME ZONE p.time_zone)::date
      FROM new_rows n JOIN programs p ON p.id = n.program_id;
  ELSIF TG_TABLE_NAME = 'members' THEN
    INSERT INTO kpi_rollup_marks (program_id, day)
      SELECT DISTINCT n.program_id, (n.enrolled_at AT TIME ZONE p.time_zone)::date
      FROM new_rows n JOIN programs p ON p.id = n.program_id;
  ELSIF TG_TABLE_NAME = 'purchase_lines' THEN
    INSERT INTO kpi_rollup_marks (program_id, day)
      SELECT DISTINCT n.program_id, (pu.occurred_at AT TIME ZONE p.time_zone)::date
      FROM new_rows n
      JOIN purchases pu ON pu.program_id = n.program_id AND pu.id = n.purchase_id
      JOIN programs p ON p.id = n.program_id;
  ELSE
    INSERT INTO kpi_rollup_marks (program_id, day)
      SELECT DISTINCT n.program_id, (n.occurred_at AT TIME ZONE p.time_zone)::date
      FROM new_rows n JOIN programs p ON p.id = n.program_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER purchase_lines_kpi_marks AFTER INSERT ON purchase_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lazo_mark_kpi_days();
--> statement-breakpoint
-- The new columns start at 0: mark the days where they are not, so the first refresh fills them in —
-- every refund's day (member_refunded_minor) and the days of purchases with a costed line.
INSERT INTO kpi_rollup_marks (program_id, day)
  SELECT DISTINCT x.program_id, (x.at AT TIME ZONE p.time_zone)::date
  FROM (
    SELECT r.program_id, r.created_at AS at FROM purchase_refunds r
    UNION ALL
    SELECT pu.program_id, pu.occurred_at FROM purchase_lines l
      JOIN purchases pu ON pu.program_id = l.program_id AND pu.id = l.purchase_id
      WHERE l.unit_cost_minor IS NOT NULL
  ) x JOIN programs p ON p.id = x.program_id;
--> statement-breakpoint
-- BI: the rollup's new columns, appended to the view (CREATE OR REPLACE VIEW keeps the existing ones and their grants).
CREATE OR REPLACE VIEW bi.kpi_daily AS
SELECT r.program_id, r.day, NULLIF(r.store_id, '00000000-0000-0000-0000-000000000000'::uuid) AS store_id, r.channel,
  r.purchases, r.member_purchases, r.members_purchasing, p.currency,
  bi.to_units(r.revenue_minor, p.currency) AS revenue, bi.to_units(r.member_revenue_minor, p.currency) AS member_revenue,
  bi.to_units(r.refunded_minor, p.currency) AS refunded_amount,
  r.points_issued, r.points_redeemed, r.points_expired, r.points_reversed, r.new_enrolments,
  bi.to_units(r.member_refunded_minor, p.currency) AS member_refunded_amount,
  r.costed_purchases, r.member_costed_purchases,
  bi.to_units(r.costed_revenue_minor, p.currency) AS costed_revenue, bi.to_units(r.member_costed_revenue_minor, p.currency) AS member_costed_revenue,
  bi.to_units(r.cost_minor, p.currency) AS cost, bi.to_units(r.member_cost_minor, p.currency) AS member_cost
FROM public.kpi_daily_rollups r
JOIN public.programs p ON p.id = r.program_id;
