-- The totals' program-wide dimension ('program': every member by the local days of their last two purchases), from
-- what each member is counted for already (kpi_member_counted); members not counted yet join at the next refresh.
INSERT INTO kpi_member_dimension_totals AS t (program_id, dimension, metric, k1, k2, k3, value)
SELECT c.program_id, 'program', x.metric, x.day, '-infinity'::date, '-infinity'::date, count(*)
FROM kpi_member_counted c
CROSS JOIN LATERAL (VALUES ('last', c.last_day), ('previous', c.previous_day)) x(metric, day)
WHERE x.day IS NOT NULL
GROUP BY c.program_id, x.metric, x.day
ON CONFLICT (program_id, dimension, metric, k1, k2, k3) DO UPDATE SET value = t.value + excluded.value;
