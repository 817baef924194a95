import { z } from "zod";
import { CAMPAIGN_CHANNELS } from "@/lib/domain/campaigns/definition";
import { idSchema } from "./common";

const template = z.strictObject({ subject: z.string().trim().min(1, "Required.").max(200), body: z.string().trim().min(1, "Required.").max(5_000) });

export const campaignTriggerSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("first_purchase") }),
  z.strictObject({ type: z.literal("nth_purchase"), n: z.coerce.number().int().min(2).max(1_000) }),
  z.strictObject({ type: z.literal("points_milestone"), points: z.coerce.number().int().min(1).max(100_000_000) }),
  z.strictObject({ type: z.literal("tier_upgrade"), toTier: z.string().trim().max(60).nullish() }),
  z.strictObject({ type: z.literal("birthday"), windowDays: z.coerce.number().int().min(0).max(30).optional() }),
  z.strictObject({ type: z.literal("anniversary"), windowDays: z.coerce.number().int().min(0).max(30).optional() }),
  z.strictObject({ type: z.literal("inactivity"), days: z.coerce.number().int().min(1).max(3_650) }),
  z.strictObject({ type: z.literal("points_expiring"), withinDays: z.coerce.number().int().min(1).max(365), minPoints: z.coerce.number().int().min(1).optional() }),
]);

const optionalDate = z.coerce.date().nullish();
const optionalCap = z.coerce.number().int().min(1).max(1_000_000_000).nullish();

const campaignFields = {
  programId: idSchema,
  name: z.string().trim().min(1, "Required.").max(120),
  kind: z.enum(["trigger", "bonus", "grant", "offer"]),
  segmentId: idSchema.nullish(),
  trigger: campaignTriggerSchema.nullish(),
  points: z.coerce.number().int().min(1).max(1_000_000).nullish(),
  multiplier: z.coerce.number().min(1.01).max(10).nullish(),
  rewardId: idSchema.nullish(),
  channels: z.array(z.enum(CAMPAIGN_CHANNELS)).max(3).default([]),
  templates: z.strictObject({ es: template, en: template }),
  controlSharePct: z.coerce.number().int().min(0).max(50).default(0),
  budgetPoints: optionalCap,
  budgetMoneyMinor: optionalCap,
  budgetCount: optionalCap,
  frequencyCap: z.coerce.number().int().min(1).max(1_000).nullish(),
  startsAt: optionalDate,
  endsAt: optionalDate,
};

/** What each kind needs: triggers a trigger and points, grants points, bonuses a multiplier and dates, offers a reward (and no points cap). */
function kindRules<T extends z.infer<z.ZodObject<typeof campaignFields>>>(c: T, ctx: z.RefinementCtx) {
  const need = (path: keyof T & string, ok: boolean) => ok || ctx.addIssue({ code: "custom", path: [path], message: "Required." });
  if (c.kind === "trigger") {
    need("trigger", Boolean(c.trigger));
    need("points", Boolean(c.points));
  }
  if (c.kind === "grant") need("points", Boolean(c.points));
  if (c.kind === "bonus") {
    need("multiplier", Boolean(c.multiplier));
    need("startsAt", Boolean(c.startsAt));
    need("endsAt", Boolean(c.endsAt));
  }
  if (c.kind === "offer") {
    need("rewardId", Boolean(c.rewardId));
    // An offer gives a coupon, not points: its caps are a count of coupons and their money value.
    if (c.budgetPoints) ctx.addIssue({ code: "custom", path: ["budgetPoints"], message: "Offers give no points; cap them by coupons or money." });
  }
  if (c.startsAt && c.endsAt && c.endsAt <= c.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Must be after the start." });
}

export const createCampaignSchema = z.strictObject(campaignFields).superRefine(kindRules);
export const updateCampaignSchema = z.strictObject({ ...campaignFields, campaignId: idSchema }).superRefine(kindRules);
export const campaignRefSchema = z.strictObject({ programId: idSchema, campaignId: idSchema });
export const setCampaignStatusSchema = z.strictObject({ programId: idSchema, campaignId: idSchema, status: z.enum(["running", "paused", "ended"]) });
export const testSendCampaignSchema = z.strictObject({ programId: idSchema, campaignId: idSchema, to: z.email(), locale: z.enum(["es", "en"]).default("es") });

export type CreateCampaignInput = z.input<typeof createCampaignSchema>;
export type UpdateCampaignInput = z.input<typeof updateCampaignSchema>;
export type SetCampaignStatusInput = z.input<typeof setCampaignStatusSchema>;
export type TestSendCampaignInput = z.input<typeof testSendCampaignSchema>;
