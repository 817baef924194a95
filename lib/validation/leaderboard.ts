import { z } from "zod";
import { displayNameProblem, type DisplayNameProblem } from "@/lib/domain/gamification/leaderboard";
import { idSchema } from "./common";

/** English messages (API, CLI); the portal and console map each to a translated one by its key. */
export const LEADERBOARD_MESSAGES = {
  enabled: "Choose on or off.",
  visible: "Choose whether to appear on the leaderboard.",
  nameChoice: "Choose how your name is shown.",
  too_short: "Use at least 2 characters.",
  too_long: "Use at most 24 characters.",
  contact: "Leave out email addresses, phone numbers and links.",
} as const;

export type LeaderboardMessageKey = keyof typeof LEADERBOARD_MESSAGES;

/** The console switch: a form's "on"/"off" or a boolean (CLI, tests). */
export const setLeaderboardSchema = z
  .object({
    programId: idSchema,
    enabled: z.union([z.boolean(), z.enum(["on", "off"]).transform((v) => v === "on")], { error: LEADERBOARD_MESSAGES.enabled }),
  })
  .strict();

export type SetLeaderboardInput = z.input<typeof setLeaderboardSchema>;

/**
 * The member's choice: appear or not and, when appearing, under the masked
 * default ("Ana G.") or a name of their own. A name is only read when they
 * chose "custom", so a stale field never becomes public.
 */
export const updateMyLeaderboardSchema = z
  .object({
    visible: z.enum(["yes", "no"], { error: LEADERBOARD_MESSAGES.visible }),
    nameChoice: z.enum(["masked", "custom"], { error: LEADERBOARD_MESSAGES.nameChoice }).optional(),
    displayName: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.visible !== "yes" || v.nameChoice !== "custom") return;
    const problem: DisplayNameProblem | null = displayNameProblem(v.displayName ?? "");
    if (problem) ctx.addIssue({ code: "custom", path: ["displayName"], message: LEADERBOARD_MESSAGES[problem] });
  })
  .transform((v) => ({
    visible: v.visible === "yes",
    displayName: v.visible === "yes" && v.nameChoice === "custom" ? v.displayName!.trim().replace(/\s+/g, " ") : null,
  }));

export type UpdateMyLeaderboardInput = z.input<typeof updateMyLeaderboardSchema>;

/** The key of one of the schema's messages, or null for any other. */
export function leaderboardMessageKey(message: string): LeaderboardMessageKey | null {
  const found = (Object.entries(LEADERBOARD_MESSAGES) as [LeaderboardMessageKey, string][]).find(([, text]) => text === message);
  return found ? found[0] : null;
}
