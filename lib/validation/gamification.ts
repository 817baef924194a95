import { z } from "zod";
import { BADGE_ICONS } from "@/lib/domain/gamification/badges";
import { CHALLENGE_KINDS, PROFILE_FIELDS } from "@/lib/domain/gamification/challenge";
import { idSchema } from "./common";

const required = (max: number) => z.string().trim().min(1, "Required.").max(max);
const localized = (max: number) => z.strictObject({ es: required(max), en: required(max) });
const optionalText = (max: number) => z.string().trim().max(max).transform((v) => v || null).nullish();
const count = z.coerce.number().int().min(1).max(1_000);
const optionalCount = (max: number) => z.coerce.number().int().min(1).max(max).nullish();

const challengeFields = {
  programId: idSchema,
  name: localized(80),
  description: z.strictObject({ es: z.string().trim().max(400), en: z.string().trim().max(400) }),
  kind: z.enum(CHALLENGE_KINDS),
  count: count.nullish(),
  windowDays: optionalCount(366),
  category: optionalText(120),
  minAmountMinor: z.coerce.number().int().min(1).max(1_000_000_000).nullish(),
  fields: z.array(z.enum(PROFILE_FIELDS)).max(PROFILE_FIELDS.length).default([]),
  weeks: z.coerce.number().int().min(2).max(52).nullish(),
  badgeName: localized(60),
  badgeIcon: z.enum(BADGE_ICONS),
  rewardPoints: z.coerce.number().int().min(0).max(1_000_000).default(0),
  rewardId: idSchema.nullish(),
  startsAt: z.coerce.date({ error: "Required." }),
  endsAt: z.coerce.date().nullish(),
};

/** What each kind needs: a count (purchases, stores), fields (profile), weeks (streak); and an end after the start. */
function kindRules(c: z.infer<z.ZodObject<typeof challengeFields>>, ctx: z.RefinementCtx) {
  const need = (path: string, ok: boolean) => ok || ctx.addIssue({ code: "custom", path: [path], message: "Required." });
  if (c.kind === "purchases" || c.kind === "stores") need("count", Boolean(c.count));
  if (c.kind === "profile") need("fields", c.fields.length > 0);
  if (c.kind === "streak") need("weeks", Boolean(c.weeks));
  if (c.endsAt && c.endsAt <= c.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Must be after the start." });
}

export const createChallengeSchema = z.strictObject(challengeFields).superRefine(kindRules);
export const updateChallengeSchema = z.strictObject({ ...challengeFields, challengeId: idSchema }).superRefine(kindRules);
export const setChallengeStatusSchema = z.strictObject({ programId: idSchema, challengeId: idSchema, status: z.enum(["active", "paused"]) });

export type CreateChallengeInput = z.input<typeof createChallengeSchema>;
export type UpdateChallengeInput = z.input<typeof updateChallengeSchema>;
export type SetChallengeStatusInput = z.input<typeof setChallengeStatusSchema>;
export type ChallengeFields = z.output<typeof createChallengeSchema>;
