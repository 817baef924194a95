import { z } from "zod";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { EVENT_TYPE_PATTERN, type EventRule } from "@/lib/domain/rules/event-rules";
import type { EarningRule } from "@/lib/domain/rules/types";
import { idSchema } from "./common";

/**
 * Plan documents (base rate, lifecycle, tiers, rules, exclusions). Every issue
 * message is a stable key of the `PlanErrors` message namespace (see
 * PLAN_ERROR_KEYS): the console translates it next to the field, the API and
 * CLI return it as is, so one schema serves every transport.
 */
export const PLAN_ERROR_KEYS = [
  "required",
  "number",
  "wholeNumber",
  "rateNotPositive",
  "perAmountNotPositive",
  "tooLarge",
  "notNegative",
  "multiplierNotPositive",
  "ruleMultiplierTooSmall",
  "bonusNotPositive",
  "capNegative",
  "expiryMonths",
  "graceMonths",
  "pendingDays",
  "dateFormat",
  "dateRangeOrder",
  "hoursFormat",
  "hoursEmpty",
  "weekday",
  "channelUnknown",
  "choice",
  "code",
  "name",
  "tiersRequired",
  "tierFirstZero",
  "tierThresholdOrder",
  "tierKeyDuplicate",
  "ruleIdDuplicate",
  "ruleTierUnknown",
  "eventType",
  "tooMany",
  "memberNotFound",
] as const;

export type PlanErrorKey = (typeof PLAN_ERROR_KEYS)[number];

const e = (key: PlanErrorKey) => ({ error: key });

export const CHANNELS = ["pos", "ecommerce", "app"] as const;
export const ROUNDING_MODES = ["floor", "round", "ceil"] as const;

const count = (max: number, key: PlanErrorKey = "tooLarge") => z.number(e("number")).int(e("wholeNumber")).min(0, e("notNegative")).max(max, e(key));
const code = z.string(e("code")).trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, e("code"));
const localizedName = z.strictObject({
  es: z.string(e("name")).trim().min(1, e("name")).max(80, e("name")),
  en: z.string(e("name")).trim().min(1, e("name")).max(80, e("name")),
});
const isoDate = z
  .string(e("dateFormat"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, e("dateFormat"))
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), e("dateFormat"));
const clock = z.string(e("hoursFormat")).regex(/^([01]\d|2[0-3]):[0-5]\d$/, e("hoursFormat"));

const conditionsSchema = z
  .strictObject({
    channels: z.array(z.enum(CHANNELS, e("channelUnknown"))).max(3, e("tooMany")).optional(),
    storeIds: z.array(idSchema).max(200, e("tooMany")).optional(),
    categories: z.array(code).max(100, e("tooMany")).optional(),
    skus: z.array(code).max(500, e("tooMany")).optional(),
    daysOfWeek: z.array(z.number(e("weekday")).int(e("weekday")).min(0, e("weekday")).max(6, e("weekday"))).max(7, e("tooMany")).optional(),
    hours: z.strictObject({ from: clock, to: clock }).refine((h) => h.from !== h.to, { error: "hoursEmpty", path: ["to"] }).optional(),
    dateRange: z
      .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
      .refine((r) => !r.from || !r.to || r.to >= r.from, { error: "dateRangeOrder", path: ["to"] })
      .optional(),
    tiers: z.array(code).max(20, e("tooMany")).optional(),
    segmentIds: z.array(idSchema).max(20, e("tooMany")).optional(),
    minTicketMinor: count(1_000_000_000).optional(),
    firstPurchase: z.boolean().optional(),
  });

const effectSchema = z.discriminatedUnion(
  "kind",
  [
    // A factor of 1 or less adds nothing (the engine adds factor − 1 times the base).
    z.strictObject({ kind: z.literal("multiplier"), factor: z.number(e("number")).gt(0, e("multiplierNotPositive")).gt(1, e("ruleMultiplierTooSmall")).max(100, e("tooLarge")) }),
    z.strictObject({ kind: z.literal("fixed_bonus"), points: z.number(e("number")).int(e("wholeNumber")).positive(e("bonusNotPositive")).max(10_000_000, e("tooLarge")) }),
    z.strictObject({ kind: z.literal("points_per_unit"), points: z.number(e("number")).positive(e("bonusNotPositive")).max(1_000_000, e("tooLarge")) }),
  ],
  e("choice"),
);

const cap = z.number(e("number")).int(e("wholeNumber")).min(0, e("capNegative")).max(1_000_000_000, e("tooLarge"));

export const earningRuleSchema = z.strictObject({
  id: z.string(e("code")).regex(/^[a-z0-9][a-z0-9_-]{0,40}$/, e("code")),
  name: localizedName,
  priority: count(10_000),
  stacking: z.enum(["combinable", "exclusive"], e("choice")),
  conditions: conditionsSchema,
  effect: effectSchema,
  caps: z.strictObject({ perTransaction: cap.optional(), perMemberPerDay: cap.optional(), perMemberPerMonth: cap.optional(), budget: cap.optional() }).optional(),
  pendingDays: count(365, "pendingDays").optional(),
  active: z.boolean(),
}) satisfies z.ZodType<EarningRule>;

/** A custom-event rule: `quiz.completed` → 50 points, once per `quizId`. */
export const eventRuleSchema = z.strictObject({
  id: z.string(e("code")).regex(/^[a-z0-9][a-z0-9_-]{0,40}$/, e("code")),
  name: localizedName,
  eventType: z.string(e("eventType")).trim().max(80, e("eventType")).regex(EVENT_TYPE_PATTERN, e("eventType")),
  points: z.number(e("number")).int(e("wholeNumber")).positive(e("bonusNotPositive")).max(10_000_000, e("tooLarge")),
  oncePer: z.string(e("code")).trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, e("code")).optional(),
  tiers: z.array(code).max(20, e("tooMany")).optional(),
  active: z.boolean(),
}) satisfies z.ZodType<EventRule>;

const tierSchema = z.strictObject({
  key: z.string(e("code")).regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, e("code")),
  name: localizedName,
  threshold: count(1_000_000_000),
  earnMultiplier: z.number(e("number")).gt(0, e("multiplierNotPositive")).max(10, e("tooLarge")),
});

const expirySchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("rolling"), months: z.number(e("expiryMonths")).int(e("expiryMonths")).min(1, e("expiryMonths")).max(120, e("expiryMonths")) }),
    z.strictObject({ kind: z.literal("end_of_period"), period: z.enum(["year", "quarter"], e("choice")) }),
    z.strictObject({ kind: z.literal("inactivity"), months: z.number(e("expiryMonths")).int(e("expiryMonths")).min(1, e("expiryMonths")).max(120, e("expiryMonths")) }),
    z.strictObject({ kind: z.literal("none") }),
  ],
  e("choice"),
);

type Issue = { path: (string | number)[]; key: PlanErrorKey };

/** Tiers climb: the first starts at 0, thresholds strictly increase, keys are unique. */
export function tierIssues(tiers: { key: string; threshold: number }[]): Issue[] {
  const issues: Issue[] = [];
  if (tiers[0] && tiers[0].threshold !== 0) issues.push({ path: ["tiers", 0, "threshold"], key: "tierFirstZero" });
  tiers.forEach((tier, i) => {
    if (i > 0 && tier.threshold <= tiers[i - 1]!.threshold) issues.push({ path: ["tiers", i, "threshold"], key: "tierThresholdOrder" });
    if (tiers.findIndex((t) => t.key === tier.key) < i) issues.push({ path: ["tiers", i, "key"], key: "tierKeyDuplicate" });
  });
  return issues;
}

/** Rule ids are unique and the tiers a rule names exist in the plan. */
export function ruleIssues(rules: EarningRule[], tierKeys: string[]): Issue[] {
  const issues: Issue[] = [];
  rules.forEach((rule, i) => {
    if (rules.findIndex((r) => r.id === rule.id) < i) issues.push({ path: ["rules", i, "id"], key: "ruleIdDuplicate" });
    if (rule.conditions.tiers?.some((t) => !tierKeys.includes(t))) issues.push({ path: ["rules", i, "conditions", "tiers"], key: "ruleTierUnknown" });
  });
  return issues;
}

/** The same for event rules (their ids may repeat a purchase rule's: they live in their own list). */
export function eventRuleIssues(rules: EventRule[], tierKeys: string[]): Issue[] {
  const issues: Issue[] = [];
  rules.forEach((rule, i) => {
    if (rules.findIndex((r) => r.id === rule.id) < i) issues.push({ path: ["eventRules", i, "id"], key: "ruleIdDuplicate" });
    if (rule.tiers?.some((t) => !tierKeys.includes(t))) issues.push({ path: ["eventRules", i, "tiers"], key: "ruleTierUnknown" });
  });
  return issues;
}

export const planDefinitionSchema = z
  .strictObject({
    baseRate: z.strictObject({
      points: z.number(e("number")).gt(0, e("rateNotPositive")).max(10_000, e("tooLarge")),
      perMinor: z.number(e("number")).int(e("wholeNumber")).gt(0, e("perAmountNotPositive")).max(100_000_000, e("tooLarge")),
      rounding: z.enum(ROUNDING_MODES, e("choice")),
    }),
    pendingDays: count(365, "pendingDays"),
    expiry: expirySchema,
    tierQualification: z.strictObject({ metric: z.enum(["points", "spend"], e("choice")), window: z.enum(["rolling_12_months", "calendar_year"], e("choice")) }),
    tiers: z.array(tierSchema).min(1, e("tiersRequired")).max(10, e("tooMany")),
    tierReview: z.strictObject({ every: z.enum(["month", "year"], e("choice")), graceMonths: count(24, "graceMonths") }).optional(),
    rules: z.array(earningRuleSchema).max(50, e("tooMany")).optional(),
    eventRules: z.array(eventRuleSchema).max(50, e("tooMany")).optional(),
    exclusions: z.strictObject({ categories: z.array(code).max(200, e("tooMany")).optional(), skus: z.array(code).max(1000, e("tooMany")).optional() }).optional(),
  })
  .superRefine((plan, ctx) => {
    const tierKeys = plan.tiers.map((t) => t.key);
    for (const issue of [...tierIssues(plan.tiers), ...ruleIssues(plan.rules ?? [], tierKeys), ...eventRuleIssues(plan.eventRules ?? [], tierKeys)]) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.key });
    }
  }) satisfies z.ZodType<PlanDefinition>;

export type PlanDefinitionInput = z.input<typeof planDefinitionSchema>;

/** A message key for a zod message: our keys pass through; anything else (zod's own wording) is "invalid". */
export function planErrorKey(message: string | undefined): PlanErrorKey | "invalid" {
  return (PLAN_ERROR_KEYS as readonly string[]).includes(message ?? "") ? (message as PlanErrorKey) : "invalid";
}

export const savePlanDraftSchema = z.strictObject({
  programId: idSchema,
  name: z.string(e("name")).trim().min(1, e("name")).max(80, e("name")).optional(),
  definition: planDefinitionSchema,
});

export type SavePlanDraftInput = z.input<typeof savePlanDraftSchema>;

export const pilotSchema = z
  .strictObject({ storeIds: z.array(idSchema).max(200, e("tooMany")).optional(), segmentIds: z.array(idSchema).max(20, e("tooMany")).optional() })
  .transform((p) => (p.storeIds?.length || p.segmentIds?.length ? { ...(p.storeIds?.length ? { storeIds: p.storeIds } : {}), ...(p.segmentIds?.length ? { segmentIds: p.segmentIds } : {}) } : null));

/** Publishing and discarding name the draft the person saw, so a draft replaced meanwhile is not published blind. */
export const publishPlanSchema = z.strictObject({ programId: idSchema, draftId: idSchema, pilot: pilotSchema.optional() });
export type PublishPlanInput = z.input<typeof publishPlanSchema>;

export const rollbackPlanSchema = z.strictObject({ programId: idSchema, versionId: idSchema, pilot: pilotSchema.optional() });
export type RollbackPlanInput = z.input<typeof rollbackPlanSchema>;

export const discardPlanSchema = z.strictObject({ programId: idSchema, draftId: idSchema });
export type DiscardPlanInput = z.input<typeof discardPlanSchema>;

/** The rule tester's basket: lines, where and when (program's local time), and who (a member or just a tier). */
export const testBasketSchema = z.strictObject({
  programId: idSchema,
  source: z.enum(["draft", "live"], e("choice")),
  channel: z.enum(CHANNELS, e("channelUnknown")),
  storeId: idSchema.optional(),
  at: z.string(e("dateFormat")).regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, e("dateFormat")),
  member: z.string().trim().max(200).optional(),
  tier: z.string().trim().max(30).optional(),
  lines: z
    .array(
      z.strictObject({
        sku: code.optional(),
        category: code.optional(),
        quantity: z.number(e("number")).gt(0, e("rateNotPositive")).max(10_000, e("tooLarge")),
        unitPriceMinor: count(100_000_000),
      }),
    )
    .min(1, e("required"))
    .max(50, e("tooMany")),
});

export type TestBasketInput = z.input<typeof testBasketSchema>;
