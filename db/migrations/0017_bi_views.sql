-- Stable read-only views for BI tools (Power BI, Metabase), documented in docs/BI.md.
-- The app's tables may change shape; these views are the contract: snake_case
-- English columns, program_id on every row, money as numeric in currency units
-- next to its currency code, no secrets (hashes, coupon codes, idempotency keys)
-- and no personal data of anonymized members. A read-only login role gets
-- SELECT on this schema only: `npm run cli -- bi grant-readonly --role NAME`.
--
-- Idempotent: CREATE … IF NOT EXISTS / CREATE OR REPLACE, so it can be re-run by
-- hand. A later migration that removes or renames a column must DROP the view
-- first (CREATE OR REPLACE VIEW may only append columns) and say so in BI.md.
CREATE SCHEMA IF NOT EXISTS bi;
--> statement-breakpoint
-- Minor-unit digits per currency, the same table as lib/domain/money.ts
-- (ICU/CLDR digits, which is how amounts are stored); a test compares the two.
CREATE OR REPLACE FUNCTION bi.currency_digits(currency text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN currency IN ('AFN','ALL','BIF','CLP','COP','DJF','GNF','HUF','IDR','IQD','IRR','ISK','JPY','KMF','KPW','KRW','LAK','LBP','MGA','MMK','PKR','PYG','RWF','SLL','SOS','SYP','UGX','VND','VUV','XAF','XOF','XPF','YER') THEN 0
    WHEN currency IN ('BHD','JOD','KWD','LYD','OMR','TND') THEN 3
    ELSE 2
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bi.to_units(amount_minor numeric, currency text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT round(amount_minor / (10::numeric ^ bi.currency_digits(currency)), bi.currency_digits(currency))
$$;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.programs AS
SELECT p.id AS program_id, p.organization_id, p.slug, p.name, p.currency, p.locale, p.time_zone,
  p.point_name->>'es' AS point_name_es, p.point_name->>'en' AS point_name_en,
  -- settings.pointValueMilli is minor units × 1,000 per point; 1,000 (one cent) when unset.
  -- Not rounded to the currency's digits: a point is often worth a fraction of a cent.
  trim_scale(coalesce((p.settings->>'pointValueMilli')::numeric, 1000) / 1000 / (10::numeric ^ bi.currency_digits(p.currency))) AS point_value,
  p.created_at, p.updated_at
FROM public.programs p;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.stores AS
SELECT s.program_id, s.id AS store_id, s.code, s.name, s.city, s.created_at
FROM public.stores s;
--> statement-breakpoint
-- Anonymization already clears these columns; the CASE keeps them out even if a
-- future flow forgets one (and hides the card number's random stand-in).
CREATE OR REPLACE VIEW bi.members AS
SELECT m.program_id, m.id AS member_id,
  CASE WHEN m.status = 'anonymized' THEN NULL ELSE m.external_id END AS external_id,
  CASE WHEN m.status = 'anonymized' THEN NULL ELSE m.card_number END AS card_number,
  CASE WHEN m.status = 'anonymized' THEN NULL ELSE m.name END AS name,
  CASE WHEN m.status = 'anonymized' THEN NULL ELSE m.email END AS email,
  CASE WHEN m.status = 'anonymized' THEN NULL ELSE m.phone END AS phone,
  CASE WHEN m.status = 'anonymized' THEN NULL ELSE m.birthday END AS birthday,
  CASE WHEN m.status = 'anonymized' THEN NULL ELSE m.city END AS city,
  CASE WHEN m.status = 'anonymized' THEN NULL ELSE m.locale END AS locale,
  m.status::text AS status, (m.status = 'anonymized') AS is_anonymized,
  m.enrolment_channel::text AS enrolment_channel, m.enrolled_at,
  m.consent_terms_at, m.consent_marketing, m.consent_personalization,
  m.tier_key, m.tier_override_until, m.referred_by AS referred_by_member_id,
  m.created_at, m.updated_at
FROM public.members m;
--> statement-breakpoint
-- The tiers of each program's live plan version (the latest published one already in effect).
CREATE OR REPLACE VIEW bi.tiers AS
SELECT v.program_id, v.id AS plan_version_id, v.version AS plan_version, t.ord::integer AS position,
  t.tier->>'key' AS tier_key, t.tier->'name'->>'es' AS name_es, t.tier->'name'->>'en' AS name_en,
  (t.tier->>'threshold')::numeric AS threshold,
  coalesce(v.definition->'tierQualification'->>'metric', 'points') AS qualification_metric,
  (t.tier->>'earnMultiplier')::numeric AS earn_multiplier
FROM public.plan_versions v
CROSS JOIN LATERAL jsonb_array_elements(coalesce(v.definition->'tiers', '[]'::jsonb)) WITH ORDINALITY AS t(tier, ord)
WHERE v.status = 'published' AND v.effective_from <= now()
  AND NOT EXISTS (
    SELECT 1 FROM public.plan_versions w
    WHERE w.program_id = v.program_id AND w.status = 'published' AND w.effective_from <= now() AND w.effective_from > v.effective_from
  );
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.member_tier_changes AS
SELECT h.program_id, h.id AS change_id, h.member_id, h.from_tier, h.to_tier, h.reason, h.created_at AS changed_at
FROM public.member_tier_history h;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.purchases AS
SELECT p.program_id, p.id AS purchase_id, p.order_id, p.member_id, p.store_id, p.channel::text AS channel, p.status::text AS status,
  p.currency, bi.to_units(p.amount_minor, p.currency) AS amount, bi.to_units(p.refunded_minor, p.currency) AS refunded_amount,
  bi.to_units(p.amount_minor - p.refunded_minor, p.currency) AS net_amount,
  p.points_earned, p.points_reversed, p.plan_version_id, p.occurred_at, p.created_at
FROM public.purchases p;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.purchase_lines AS
SELECT l.program_id, l.purchase_id, l.line_no, l.sku, l.category, l.quantity, l.refunded_quantity,
  p.currency, bi.to_units(l.unit_price_minor, p.currency) AS unit_price,
  bi.to_units(l.unit_price_minor * l.quantity, p.currency) AS line_amount,
  bi.to_units(l.unit_cost_minor, p.currency) AS unit_cost,
  l.points_earned, p.member_id, p.store_id, p.occurred_at
FROM public.purchase_lines l
JOIN public.purchases p ON p.program_id = l.program_id AND p.id = l.purchase_id;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.refunds AS
SELECT r.program_id, r.id AS refund_id, r.purchase_id, r.store_id, p.currency, bi.to_units(r.amount_minor, p.currency) AS amount,
  r.points_reversed, r.clawback_points, r.reason, r.created_at
FROM public.purchase_refunds r
JOIN public.purchases p ON p.program_id = r.program_id AND p.id = r.purchase_id;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.ledger_entries AS
SELECT e.program_id, e.id AS entry_id, e.account_id, e.member_id, e.kind::text AS kind, e.points,
  e.available_delta, e.pending_delta, e.held_delta, e.reason, e.channel::text AS channel, e.store_id,
  e.order_ref, e.purchase_id, e.reverses_entry_id, e.actor_type::text AS actor_type, e.occurred_at, e.created_at
FROM public.ledger_entries e;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.point_balances AS
SELECT a.program_id, a.id AS account_id, a.member_id, a.available, a.pending, a.held,
  a.lifetime_earned, a.lifetime_redeemed, a.lifetime_expired, a.last_activity_at,
  pr.currency, round(a.available * pr.point_value, bi.currency_digits(pr.currency)) AS available_value
FROM public.point_accounts a
JOIN bi.programs pr ON pr.program_id = a.program_id;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.rewards AS
SELECT r.program_id, r.id AS reward_id, r.menu_id, r.kind::text AS kind, r.status::text AS status,
  r.name->>'es' AS name_es, r.name->>'en' AS name_en, r.points_price,
  p.currency, CASE WHEN r.kind = 'amount_discount' THEN bi.to_units(r.value, p.currency) END AS discount_amount,
  CASE WHEN r.kind = 'percent_discount' THEN r.value / 100.0 END AS discount_percent,
  r.stock, r.per_member_limit, r.coupon_valid_days, r.valid_from, r.valid_until, r.target_sku, r.target_category,
  r.created_at, r.updated_at
FROM public.rewards r
JOIN public.programs p ON p.id = r.program_id;
--> statement-breakpoint
-- Coupon codes are bearer credentials: left out on purpose.
CREATE OR REPLACE VIEW bi.coupons AS
SELECT c.program_id, c.id AS coupon_id, c.reward_id, c.member_id, c.campaign_id, c.status::text AS status,
  c.points_spent, c.issued_at, c.expires_at, c.used_at, c.used_store_id, c.voided_at, c.void_reason
FROM public.coupons c;
--> statement-breakpoint
-- A redemption is a reward bought with points (a coupon with a redeem ledger entry);
-- campaign offers hand out coupons without one and are not redemptions.
CREATE OR REPLACE VIEW bi.redemptions AS
SELECT c.program_id, c.id AS coupon_id, c.reward_id, r.name->>'es' AS reward_name_es, r.name->>'en' AS reward_name_en,
  c.member_id, c.redeem_entry_id AS entry_id, c.points_spent, c.status::text AS coupon_status,
  c.issued_at AS redeemed_at, c.used_at, c.used_store_id
FROM public.coupons c
LEFT JOIN public.rewards r ON r.program_id = c.program_id AND r.id = c.reward_id
WHERE c.redeem_entry_id IS NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.campaigns AS
SELECT c.program_id, c.id AS campaign_id, c.name, c.kind::text AS kind, c.status::text AS status, c.segment_id,
  c.control_share_pct, c.budget_points, p.currency, bi.to_units(c.budget_money_minor, p.currency) AS budget_amount, c.budget_count,
  c.spent_points, bi.to_units(c.spent_money_minor, p.currency) AS spent_amount, c.spent_count,
  c.starts_at, c.ends_at, c.frequency_cap, c.created_at, c.updated_at
FROM public.campaigns c
JOIN public.programs p ON p.id = c.program_id;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.campaign_members AS
SELECT cm.program_id, cm.campaign_id, cm.member_id, cm."group"::text AS group_name, cm.created_at AS assigned_at
FROM public.campaign_members cm;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.segments AS
SELECT s.program_id, s.id AS segment_id, s.name, s.member_count, s.refreshed_at, s.created_at, s.updated_at
FROM public.segments s;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.segment_members AS
SELECT sm.program_id, sm.segment_id, sm.member_id
FROM public.segment_members sm;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.products AS
SELECT pr.program_id, pr.sku, pr.name, pr.category_code, pr.brand, p.currency,
  bi.to_units(pr.unit_cost_minor, p.currency) AS unit_cost, pr.active, pr.created_at, pr.updated_at
FROM public.products pr
JOIN public.programs p ON p.id = pr.program_id;
--> statement-breakpoint
CREATE OR REPLACE VIEW bi.product_categories AS
SELECT c.program_id, c.code, c.parent_code, c.name, c.level
FROM public.product_categories c;
--> statement-breakpoint
-- Grain: program × local day (program time zone) × store × channel; store_id is
-- null where the rollup's key uses the all-zero "no store" id.
CREATE OR REPLACE VIEW bi.kpi_daily AS
SELECT r.program_id, r.day, NULLIF(r.store_id, '00000000-0000-0000-0000-000000000000'::uuid) AS store_id, r.channel,
  r.purchases, r.member_purchases, r.members_purchasing, p.currency,
  bi.to_units(r.revenue_minor, p.currency) AS revenue, bi.to_units(r.member_revenue_minor, p.currency) AS member_revenue,
  bi.to_units(r.refunded_minor, p.currency) AS refunded_amount,
  r.points_issued, r.points_redeemed, r.points_expired, r.points_reversed, r.new_enrolments
FROM public.kpi_daily_rollups r
JOIN public.programs p ON p.id = r.program_id;
