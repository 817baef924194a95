import { z } from "zod";
import { BADGE_ICONS } from "@/lib/domain/gamification/badges";
import { CHALLENGE_KINDS } from "@/lib/domain/gamification/challenge";
import type { Operation } from "./openapi";

/** Challenges (gamification) in the OpenAPI document: a member's progress and badges. */
const localized = z.object({ es: z.string(), en: z.string() });

const memberChallenge = z
  .object({
    id: z.uuid(),
    name: localized,
    description: localized,
    kind: z.enum(CHALLENGE_KINDS),
    rule: z.record(z.string(), z.unknown()).meta({ description: "What to do: count, windowDays, category, minAmountMinor (purchases); count, windowDays (stores); fields (profile); weeks (streak)." }),
    badge: z.object({ name: localized, icon: z.enum(BADGE_ICONS) }),
    reward: z.object({ points: z.number().int(), rewardName: localized.nullable() }),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime().nullable(),
    state: z.enum(["upcoming", "in_progress", "completed"]),
    progress: z.object({ current: z.number().int(), target: z.number().int(), streak: z.number().int().meta({ description: "Streak challenges: consecutive weeks with a purchase up to now." }) }),
    completedAt: z.iso.datetime().nullable(),
    pointsAwarded: z.number().int(),
  })
  .meta({ id: "MemberChallenge" });

const memberChallenges = z.object({ memberId: z.uuid(), data: z.array(memberChallenge) }).meta({ id: "MemberChallenges" });

const idParam = z.object({ id: z.string().meta({ description: "Member id", param: { name: "id", in: "path" } }) });

export const CHALLENGE_OPERATIONS: Operation[] = [
  {
    method: "get", path: "/api/v1/members/{id}/challenges", tag: "Members", scope: "members:read", summary: "A member's challenges: progress and badges",
    description: "Active challenges (running or about to start) with the member's progress now, and every challenge the member completed (its badge stays after the challenge ends or is paused). A completion pays its reward once; refunds do not undo it.",
    params: idParam, ok: { status: 200, schema: memberChallenges, description: "The member's challenges." }, errors: { 404: ["not_found"] },
  },
];
