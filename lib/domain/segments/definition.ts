import { z } from "zod";

/**
 * A segment definition: a tree of groups (`all` = AND, `any` = OR) whose
 * leaves are conditions on a member's profile or behaviour. Each condition's
 * `type` is a stable field key (stored in segments.definition, used by the
 * SQL compiler and the console). New fields are added as new members of the
 * union (the predictions — churn risk, CLV, replenishment — came so).
 *
 * Every issue message is a stable key of the `Segments.errors` namespace:
 * the console translates it next to the value, the API returns it as is.
 */
export const SEGMENT_ERROR_KEYS = [
  "required",
  "choice",
  "number",
  "wholeNumber",
  "notNegative",
  "daysRange",
  "ageRange",
  "ageOrder",
  "percentRange",
  "monthRange",
  "listEmpty",
  "tooMany",
  "text",
  "code",
  "dateFormat",
  "dateOrder",
  "amountTooLarge",
  "pointsTooLarge",
  "countTooLarge",
  "groupEmpty",
  "tooDeep",
  "tooManyConditions",
  "name",
] as const;
export type SegmentErrorKey = (typeof SEGMENT_ERROR_KEYS)[number];

const e = (key: SegmentErrorKey) => ({ error: key });

/** The deepest nesting of groups (the top group is level 1). */
export const MAX_GROUP_DEPTH = 3;
/** Conditions in one definition, all groups together. */
export const MAX_CONDITIONS = 40;
export const MAX_ITEMS_PER_GROUP = 20;

export const SEGMENT_FIELDS = [
  "age",
  "birthdayMonth",
  "city",
  "consent",
  "enrolment",
  "channel",
  "lastPurchase",
  "purchaseCount",
  "spend",
  "tier",
  "pointsBalance",
  "expiringPoints",
  "categoryPurchase",
  "churnRisk",
  "predictedClv",
  "replenishmentDue",
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** Which fields describe who the member is, and which what they do (the console groups its picker so). */
export const PROFILE_FIELDS: readonly SegmentField[] = ["age", "birthdayMonth", "city", "consent", "enrolment", "channel"];
export const BEHAVIOUR_FIELDS: readonly SegmentField[] = ["lastPurchase", "purchaseCount", "spend", "tier", "pointsBalance", "expiringPoints", "categoryPurchase"];
/**
 * What the analytics models predict (member_predictions, written by the
 * predictions-refresh job). A member with no prediction yet — no purchase, or
 * never refreshed — matches none of these, whichever way the comparison goes.
 */
export const PREDICTION_FIELDS: readonly SegmentField[] = ["churnRisk", "predictedClv", "replenishmentDue"];

export const ENROLMENT_CHANNELS = ["pos", "ecommerce", "app", "portal", "import", "api", "console"] as const;
export const CONSENTS = ["marketing", "personalisation"] as const;
export const COMPARISONS = ["gte", "lte"] as const;
export type Comparison = (typeof COMPARISONS)[number];

const whole = (max: number, tooLarge: SegmentErrorKey) => z.number(e("number")).int(e("wholeNumber")).min(0, e("notNegative")).max(max, e(tooLarge));
const days = z.number(e("number")).int(e("wholeNumber")).min(1, e("daysRange")).max(3650, e("daysRange"));
const comparison = z.enum(COMPARISONS, e("choice"));
const isoDate = z
  .string(e("dateFormat"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, e("dateFormat"))
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), e("dateFormat"));
const code = z.string(e("code")).trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, e("code"));
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).min(1, e("listEmpty")).max(max, e("tooMany"));

const conditionSchemas = [
  z
    .strictObject({ type: z.literal("age"), min: whole(120, "ageRange"), max: whole(120, "ageRange") })
    .refine((c) => c.max >= c.min, { error: "ageOrder", path: ["max"] }),
  z.strictObject({ type: z.literal("birthdayMonth"), months: list(z.number(e("number")).int(e("monthRange")).min(1, e("monthRange")).max(12, e("monthRange")), 12) }),
  z.strictObject({ type: z.literal("city"), cities: list(z.string(e("text")).trim().min(1, e("text")).max(80, e("text")), 50) }),
  z.strictObject({ type: z.literal("consent"), consent: z.enum(CONSENTS, e("choice")), value: z.boolean(e("choice")) }),
  z.discriminatedUnion(
    "op",
    [
      z.strictObject({ type: z.literal("enrolment"), op: z.enum(["within", "before"], e("choice")), days }),
      z
        .strictObject({ type: z.literal("enrolment"), op: z.literal("between"), from: isoDate, to: isoDate })
        .refine((c) => c.to >= c.from, { error: "dateOrder", path: ["to"] }),
    ],
    e("choice"),
  ),
  z.strictObject({ type: z.literal("channel"), channels: list(z.enum(ENROLMENT_CHANNELS, e("choice")), ENROLMENT_CHANNELS.length) }),
  z.strictObject({ type: z.literal("lastPurchase"), op: comparison, days }),
  z.strictObject({ type: z.literal("purchaseCount"), op: comparison, count: whole(100_000, "countTooLarge"), days }),
  z.strictObject({ type: z.literal("spend"), op: comparison, amountMinor: whole(1_000_000_000_000, "amountTooLarge"), days }),
  z.strictObject({ type: z.literal("tier"), tiers: list(code, 20) }),
  z.strictObject({ type: z.literal("pointsBalance"), op: comparison, points: whole(1_000_000_000, "pointsTooLarge") }),
  z.strictObject({ type: z.literal("expiringPoints"), days, points: whole(1_000_000_000, "pointsTooLarge") }),
  z.strictObject({ type: z.literal("categoryPurchase"), category: code, days }),
  /** Churn risk = 1 − probability alive (BG/NBD), in whole percent. */
  z.strictObject({ type: z.literal("churnRisk"), op: comparison, percent: z.number(e("number")).int(e("wholeNumber")).min(0, e("percentRange")).max(100, e("percentRange")) }),
  /** Predicted value of the next 12 months (CLV), in minor units of the program's currency. */
  z.strictObject({ type: z.literal("predictedClv"), op: comparison, amountMinor: whole(1_000_000_000_000, "amountTooLarge") }),
  /** The predicted next purchase of a replenished category falls between today and `days` from today. */
  z.strictObject({ type: z.literal("replenishmentDue"), days }),
] as const;

export const segmentConditionSchema = z.union(conditionSchemas);
export type SegmentCondition = z.output<typeof segmentConditionSchema>;

export type SegmentGroup = { type: "group"; match: "all" | "any"; items: SegmentItem[] };
export type SegmentItem = SegmentGroup | SegmentCondition;

// Conditions and groups share the `type` key, so the first mismatch names the real field instead of "no union matched".
const itemSchema: z.ZodType<SegmentItem> = z.lazy(() => z.discriminatedUnion("type", [groupSchema, ...conditionSchemas], e("choice")));

const groupSchema = z.strictObject({
  type: z.literal("group"),
  match: z.enum(["all", "any"], e("choice")),
  items: z.array(itemSchema).min(1, e("groupEmpty")).max(MAX_ITEMS_PER_GROUP, e("tooMany")),
});

/** Levels of groups in a tree (a lone top group is 1). */
export function groupDepth(group: SegmentGroup): number {
  return 1 + Math.max(0, ...group.items.map((item) => (item.type === "group" ? groupDepth(item) : 0)));
}

/** Conditions in a tree, all groups together. */
export function countConditions(group: SegmentGroup): number {
  return group.items.reduce((n, item) => n + (item.type === "group" ? countConditions(item) : 1), 0);
}

/** The top group may be empty: a segment without conditions is every member of the program. */
export const segmentDefinitionSchema = groupSchema.extend({ items: z.array(itemSchema).max(MAX_ITEMS_PER_GROUP, e("tooMany")) }).superRefine((group, ctx) => {
  if (groupDepth(group as SegmentGroup) > MAX_GROUP_DEPTH) ctx.addIssue({ code: "custom", message: "tooDeep", path: ["items"] });
  if (countConditions(group as SegmentGroup) > MAX_CONDITIONS) ctx.addIssue({ code: "custom", message: "tooManyConditions", path: ["items"] });
}) as unknown as z.ZodType<SegmentGroup>;

export type SegmentDefinition = SegmentGroup;

export const segmentNameSchema = z.string(e("name")).trim().min(2, e("name")).max(80, e("name"));

/** A new condition of a field, with sensible starting values (what the console's "add condition" inserts). */
export function newCondition(field: SegmentField): SegmentCondition {
  switch (field) {
    case "age":
      return { type: "age", min: 18, max: 35 };
    case "birthdayMonth":
      return { type: "birthdayMonth", months: [1] };
    case "city":
      return { type: "city", cities: [] };
    case "consent":
      return { type: "consent", consent: "marketing", value: true };
    case "enrolment":
      return { type: "enrolment", op: "within", days: 30 };
    case "channel":
      return { type: "channel", channels: ["pos"] };
    case "lastPurchase":
      return { type: "lastPurchase", op: "lte", days: 30 };
    case "purchaseCount":
      return { type: "purchaseCount", op: "gte", count: 2, days: 90 };
    case "spend":
      return { type: "spend", op: "gte", amountMinor: 100_000, days: 90 };
    case "tier":
      return { type: "tier", tiers: [] };
    case "pointsBalance":
      return { type: "pointsBalance", op: "gte", points: 500 };
    case "expiringPoints":
      return { type: "expiringPoints", days: 30, points: 100 };
    case "categoryPurchase":
      return { type: "categoryPurchase", category: "", days: 90 };
    case "churnRisk":
      return { type: "churnRisk", op: "gte", percent: 70 };
    case "predictedClv":
      return { type: "predictedClv", op: "gte", amountMinor: 100_000 };
    case "replenishmentDue":
      return { type: "replenishmentDue", days: 7 };
  }
}

/** The definition a new segment starts from: one empty "all" group. */
export function emptyDefinition(): SegmentDefinition {
  return { type: "group", match: "all", items: [] };
}
