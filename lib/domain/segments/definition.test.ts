import { describe, expect, it } from "vitest";
import { SEGMENT_ERROR_KEYS, SEGMENT_FIELDS, countConditions, groupDepth, newCondition, segmentDefinitionSchema, type SegmentDefinition } from "./definition";
import { maskEmail, maskName } from "./mask";
import es from "@/messages/segments.es.json";
import en from "@/messages/segments.en.json";

const issues = (input: unknown) => {
  const parsed = segmentDefinitionSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
};
const all = (...items: unknown[]) => ({ type: "group", match: "all", items });

describe("segment definition schema", () => {
  it.each([
    ["an empty top group (every member)", all()],
    ["one condition", all({ type: "spend", op: "gte", amountMinor: 150_000, days: 90 })],
    ["AND with a nested OR", all({ type: "spend", op: "gte", amountMinor: 1, days: 90 }, { type: "group", match: "any", items: [{ type: "tier", tiers: ["gold"] }, { type: "pointsBalance", op: "gte", points: 500 }] })],
    ["three levels of groups", all({ type: "group", match: "any", items: [{ type: "group", match: "all", items: [{ type: "city", cities: ["Monterrey"] }] }] })],
    ["enrolment between dates", all({ type: "enrolment", op: "between", from: "2026-01-01", to: "2026-01-31" })],
    ["churn risk of at least 70 %", all({ type: "churnRisk", op: "gte", percent: 70 })],
    ["churn risk of 0 and of 100 %", all({ type: "churnRisk", op: "lte", percent: 0 }, { type: "churnRisk", op: "gte", percent: 100 })],
    ["a predicted CLV of at most MXN 500", all({ type: "predictedClv", op: "lte", amountMinor: 50_000 })],
    ["a replenishment due within 7 days", all({ type: "replenishmentDue", days: 7 })],
  ])("accepts %s", (_name, input) => {
    expect(issues(input)).toEqual([]);
  });

  it.each([
    ["ages in the wrong order", all({ type: "age", min: 40, max: 30 }), [["items.0.max", "ageOrder"]]],
    ["a month out of range", all({ type: "birthdayMonth", months: [13] }), [["items.0.months.0", "monthRange"]]],
    ["an empty city list", all({ type: "city", cities: [] }), [["items.0.cities", "listEmpty"]]],
    ["zero days", all({ type: "lastPurchase", op: "lte", days: 0 }), [["items.0.days", "daysRange"]]],
    ["a negative amount", all({ type: "spend", op: "gte", amountMinor: -1, days: 30 }), [["items.0.amountMinor", "notNegative"]]],
    ["a fractional point count", all({ type: "pointsBalance", op: "gte", points: 1.5 }), [["items.0.points", "wholeNumber"]]],
    ["an unknown operator", all({ type: "spend", op: "eq", amountMinor: 1, days: 30 }), [["items.0.op", "choice"]]],
    ["an unknown field", all({ type: "shoeSize", value: 42 }), [["items.0.type", "choice"]]],
    ["dates in the wrong order", all({ type: "enrolment", op: "between", from: "2026-02-01", to: "2026-01-01" }), [["items.0.to", "dateOrder"]]],
    ["an impossible date", all({ type: "enrolment", op: "between", from: "2026-02-30", to: "2026-03-01" }), [["items.0.from", "dateFormat"]]],
    ["an empty nested group", all({ type: "group", match: "any", items: [] }), [["items.0.items", "groupEmpty"]]],
    ["an unknown property", all({ type: "tier", tiers: ["gold"], hack: 1 }), [["items.0", expect.any(String)]]],
    ["a churn risk above 100 %", all({ type: "churnRisk", op: "gte", percent: 101 }), [["items.0.percent", "percentRange"]]],
    ["a negative churn risk", all({ type: "churnRisk", op: "lte", percent: -5 }), [["items.0.percent", "percentRange"]]],
    ["a fractional churn risk", all({ type: "churnRisk", op: "gte", percent: 12.5 }), [["items.0.percent", "wholeNumber"]]],
    ["churn risk as a probability without an operator", all({ type: "churnRisk", percent: 50 }), [["items.0.op", "choice"]]],
    ["a negative predicted CLV", all({ type: "predictedClv", op: "gte", amountMinor: -1 }), [["items.0.amountMinor", "notNegative"]]],
    ["a replenishment window of 0 days", all({ type: "replenishmentDue", days: 0 }), [["items.0.days", "daysRange"]]],
    ["four levels of groups", all({ type: "group", match: "any", items: [{ type: "group", match: "all", items: [{ type: "group", match: "any", items: [{ type: "tier", tiers: ["gold"] }] }] }] }), [["items", "tooDeep"]]],
  ])("refuses %s with a stable key at its path", (_name, input, expected) => {
    expect(issues(input)).toEqual(expected);
  });

  it("refuses more than the maximum number of conditions", () => {
    const many = all(...Array.from({ length: 3 }, () => ({ type: "group", match: "any", items: Array.from({ length: 15 }, () => ({ type: "tier", tiers: ["gold"] })) })));
    expect(issues(many)).toEqual([["items", "tooManyConditions"]]);
  });

  it("counts conditions and depth", () => {
    const d = all({ type: "tier", tiers: ["gold"] }, { type: "group", match: "any", items: [{ type: "city", cities: ["x"] }, { type: "city", cities: ["y"] }] }) as SegmentDefinition;
    expect(countConditions(d)).toBe(3);
    expect(groupDepth(d)).toBe(2);
  });

  it("starts every field with values the schema accepts once lists are filled", () => {
    for (const field of SEGMENT_FIELDS) {
      const c = newCondition(field);
      const filled = c.type === "city" ? { ...c, cities: ["Lima"] } : c.type === "tier" ? { ...c, tiers: ["gold"] } : c.type === "categoryPurchase" ? { ...c, category: "music" } : c;
      expect(issues(all(filled))).toEqual([]);
    }
  });

  it("has a Spanish and an English text for every error key and field", () => {
    for (const key of SEGMENT_ERROR_KEYS) {
      expect(es.Segments.errors).toHaveProperty(key);
      expect(en.Segments.errors).toHaveProperty(key);
    }
    for (const field of SEGMENT_FIELDS) {
      expect(es.Segments.fields).toHaveProperty(field);
      expect(en.Segments.fields).toHaveProperty(field);
    }
  });
});

describe("preview masking", () => {
  it.each([
    ["Ana María Pérez", "Ana P."],
    ["Ana", "Ana"],
    ["  ", null],
    [null, null],
  ])("shows %s as %s", (name, shown) => expect(maskName(name)).toBe(shown));

  it("keeps an email's first letter and domain", () => {
    expect(maskEmail("ana.perez@example.com")).toBe("a•••@example.com");
    expect(maskEmail("not-an-email")).toBeNull();
  });
});
