import { getAccountByMember, listUpcomingExpiries } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { lastQualifyingActivity, listOpenLots, listTierHistory, type OpenLotRow, type TierHistoryRow } from "@/db/queries/member-directory";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import type { Balance } from "@/lib/domain/ledger/balance";
import { inactivityExpiryDate } from "@/lib/domain/ledger/expiry-policy";
import type { ExpiryPolicy, PlanDefinition, TierDefinition } from "@/lib/domain/plan/plan-definition";
import { tierProgress, type TierProgress } from "@/lib/domain/plan/tier-progress";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { memberRefSchema } from "@/lib/validation/ledger";
import { balanceOf } from "@/lib/services/ledger/run-ledger-operation";
import { qualifyingTotal } from "@/lib/services/tiers/qualifying-total";
import type { MemberRow } from "@/db/queries/members";

export type MemberDetail = {
  member: Pick<MemberRow, "id" | "name" | "email" | "phone" | "cardNumber" | "externalId" | "status" | "enrolledAt" | "enrolmentChannel" | "tierKey" | "tierOverrideUntil" | "city" | "birthday">;
  balance: Balance;
  /** Exact upcoming expiries, summed per instant, soonest first. */
  upcomingExpiries: { expiresAt: Date; points: number }[];
  /** The lots still holding points, soonest expiry first (up to 9: the page lists 8 and says when there are more). */
  openLots: OpenLotRow[];
  expiry: ExpiryPolicy | null;
  /** Under an inactivity policy: when the whole balance lapses without new activity. */
  inactivityLapse: { at: Date; points: number } | null;
  tiers: TierDefinition[];
  progress: TierProgress;
  /** Points, or spend net of refunds in minor units of `currency`, by `metric`. */
  qualifying: number;
  metric: PlanDefinition["tierQualification"]["metric"];
  currency: string;
  tierHistory: TierHistoryRow[];
  may: { adjustPoints: boolean; overrideTier: boolean };
};

/** Everything the console's member page shows (members:read); another program's member is simply not found. */
export async function getMemberDetail(db: Executor, actor: Actor, input: { programId: string; memberId: string }, now = new Date()): Promise<MemberDetail> {
  const program = await authorizeProgram(db, actor, "members:read", input.programId);
  const data = parseInput(memberRefSchema, input);
  const member = await getMember(db, data);
  const account = member ? await getAccountByMember(db, data) : undefined;
  if (!member || !account) throw new NotFoundError("member", data.memberId);

  const plan = (await getLivePlanVersion(db, { programId: program.id, at: now }))?.definition as PlanDefinition | undefined;
  const qualification = plan?.tierQualification ?? { metric: "points", window: "rolling_12_months" };
  const [qualifying, upcoming, openLots, tierHistory, lastActivity] = await Promise.all([
    qualifyingTotal(db, { programId: program.id, memberId: member.id, qualification, timeZone: program.timeZone, now }),
    listUpcomingExpiries(db, { programId: program.id, accountId: account.id, limit: 5 }),
    listOpenLots(db, { programId: program.id, accountId: account.id, limit: 9 }),
    listTierHistory(db, { programId: program.id, memberId: member.id, limit: 50 }),
    lastQualifyingActivity(db, { programId: program.id, accountId: account.id }),
  ]);
  const expiry = plan?.expiry ?? null;
  const inactivityLapse =
    expiry?.kind === "inactivity" && account.available > 0
      ? { at: inactivityExpiryDate(lastActivity && lastActivity > member.enrolledAt ? lastActivity : member.enrolledAt, expiry.months), points: account.available }
      : null;
  const tiers = plan?.tiers ?? [];
  return {
    member,
    balance: balanceOf(account),
    upcomingExpiries: upcoming,
    openLots,
    expiry,
    inactivityLapse,
    tiers,
    progress: tierProgress(tiers, member.tierKey, qualifying),
    qualifying,
    metric: qualification.metric,
    currency: program.currency,
    tierHistory,
    may: { adjustPoints: can(actor, "points:adjust", program), overrideTier: can(actor, "members:write", program) && tiers.length > 0 },
  };
}
