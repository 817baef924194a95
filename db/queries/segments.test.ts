import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { SegmentCondition } from "@/lib/domain/segments/definition";
import { segmentPredicate } from "./segments";

const dialect = new PgDialect();
const scope = { programId: "00000000-0000-4000-8000-000000000001", now: new Date("2026-11-23T18:00:00Z"), timeZone: "America/Mexico_City" };
const compile = (c: SegmentCondition) => dialect.sqlToQuery(segmentPredicate({ type: "group", match: "all", items: [c] }, scope));

describe("segment SQL for prediction conditions", () => {
  it.each<[SegmentCondition, RegExp, unknown[]]>([
    [{ type: "churnRisk", op: "gte", percent: 70 }, /\(1 - mp\.p_alive::numeric\) \* 100 >= \$\d+::numeric/, [70]],
    [{ type: "churnRisk", op: "lte", percent: 15 }, /\(1 - mp\.p_alive::numeric\) \* 100 <= \$\d+::numeric/, [15]],
    [{ type: "predictedClv", op: "gte", amountMinor: 250_000 }, /mp\.clv_12m_minor >= \$\d+::float8/, [250_000]],
    [{ type: "predictedClv", op: "lte", amountMinor: 9_900 }, /mp\.clv_12m_minor <= \$\d+::float8/, [9_900]],
    [{ type: "replenishmentDue", days: 14 }, /mp\.replenishment_date between .+ and .+ \+ \$\d+::int/, [14]],
  ])("compiles %j to an exists over the member's stored prediction, values bound", (condition, comparison, values) => {
    const { sql, params } = compile(condition);
    // An exists: a member with no member_predictions row never matches, whichever way the comparison goes.
    expect(sql).toMatch(/exists \(select 1 from member_predictions mp where mp\.program_id = m\.program_id and mp\.member_id = m\.id and /);
    expect(sql).toMatch(comparison);
    for (const v of values) expect(params).toContain(v);
    expect(sql).not.toContain(String(values[0]));
  });
});
