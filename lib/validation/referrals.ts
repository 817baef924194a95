import { z } from "zod";
import { parseMoneyInput } from "@/lib/domain/money-input";
import { idSchema } from "./common";

/** English messages (API, CLI); the console maps each key to a translated one. */
export const REFERRAL_SETTINGS_MESSAGES = {
  points: "Use a whole number of points from 0 to 1,000,000.",
  limit: "Use a whole number from 1 to 100,000, or leave it empty for no limit.",
  minPurchase: "Write an amount such as 250 or 250.50 (0 = any purchase).",
} as const;

export type ReferralSettingsMessageKey = keyof typeof REFERRAL_SETTINGS_MESSAGES;

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);

const pointsField = z.coerce.number({ error: REFERRAL_SETTINGS_MESSAGES.points }).int({ error: REFERRAL_SETTINGS_MESSAGES.points }).min(0, { error: REFERRAL_SETTINGS_MESSAGES.points }).max(1_000_000, { error: REFERRAL_SETTINGS_MESSAGES.points });

/**
 * Settings → Program → Referrals. `minPurchase` is money as typed (major
 * units, the currency's decimals), stored as minor units; an empty limit means none.
 */
export function updateReferralSettingsSchema(digits: number) {
  return z
    .object({
      programId: idSchema,
      referrerPoints: pointsField,
      refereePoints: pointsField,
      limitPerReferrer: z.preprocess(blankToNull, z.coerce.number({ error: REFERRAL_SETTINGS_MESSAGES.limit }).int({ error: REFERRAL_SETTINGS_MESSAGES.limit }).min(1, { error: REFERRAL_SETTINGS_MESSAGES.limit }).max(100_000, { error: REFERRAL_SETTINGS_MESSAGES.limit }).nullable()),
      minPurchase: z.preprocess((v) => blankToNull(v) ?? "0", z.union([z.string(), z.number()])).transform((v, ctx) => {
        const minor = typeof v === "number" ? Math.round(v * 10 ** digits) : parseMoneyInput(v, digits);
        if (!Number.isFinite(minor) || minor < 0 || minor > 1_000_000_000_000) {
          ctx.addIssue({ code: "custom", message: REFERRAL_SETTINGS_MESSAGES.minPurchase });
          return z.NEVER;
        }
        return minor;
      }),
    })
    .strict()
    .transform(({ minPurchase, ...rest }) => ({ ...rest, minPurchaseMinor: minPurchase }));
}

export type UpdateReferralSettingsInput = z.input<ReturnType<typeof updateReferralSettingsSchema>>;
