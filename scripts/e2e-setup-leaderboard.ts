import type { Executor } from "@/db/types";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { createApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { setLeaderboardEnabled } from "@/lib/services/gamification/leaderboard-settings";
import { createChallenge, listProgramChallenges, setChallengeStatus } from "@/lib/services/gamification/manage-challenges";
import { updateMyLeaderboard } from "@/lib/services/gamification/my-leaderboard";
import { createMember } from "@/lib/services/members/create-member";
import { lookupMembers } from "@/lib/services/members/lookup-members";
import { createProgram } from "@/lib/services/programs/create-program";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { addTeamMember } from "@/lib/services/team/add-team-member";
import { ignoreExisting, system } from "./e2e-setup-shared";

async function member(db: Executor, programId: string, key: string, name: string) {
  const email = `member-lb-${key}@e2e.example`;
  await ignoreExisting(() => createMember(db, { programId, email, name, externalId: `e2e-lb-${key}`, enrolmentChannel: "console", consents: { terms: true } }));
  const [row] = await lookupMembers(db, system, { programId, externalId: `e2e-lb-${key}` });
  return { id: row!.id, email };
}

/**
 * e2e/portal/leaderboard: a program of its own ("leaderboard") with the board
 * off, as every program starts. Two live challenges ("a first purchase", "two
 * purchases"); Marta (both done) and Nico (one) joined the board while it was
 * briefly on — their choices outlast the switch — so the journey finds a
 * board with people on it once the admin turns it on. Lía and Beto have done
 * nothing yet; the journey has Lía buy and join, and Beto stay off it.
 */
export async function leaderboardProgram(db: Executor, password: string) {
  await ignoreExisting(() => createProgram(db, { slug: "leaderboard", name: "Café Ranking", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }, { plan: { ...defaultPlan(), pendingDays: 0 } }));
  const program = await requireProgramBySlug(db, "leaderboard");
  await ignoreExisting(() => addTeamMember(db, system, { email: "admin-leaderboard@e2e.example", role: "admin", programId: program.id, storeIds: [], name: "Rosa Ranking", password }));
  const [marta, nico, lia, beto] = [await member(db, program.id, "marta", "Marta Podio Ruiz"), await member(db, program.id, "nico", "Nico Vela"), await member(db, program.id, "lia", "Lía Rangel"), await member(db, program.id, "beto", "Beto Mirón")];

  if ((await listProgramChallenges(db, system, { programId: program.id })).challenges.length === 0) {
    for (const [count, es, en, icon] of [[1, "Primera compra", "First purchase", "star"], [2, "Dos compras", "Two purchases", "medal"]] as const) {
      const c = await createChallenge(db, system, { programId: program.id, name: { es, en }, description: { es: `${es} del mes`, en: `${en} this month` }, kind: "purchases", count, badgeName: { es, en }, badgeIcon: icon, rewardPoints: 50, startsAt: new Date(Date.now() - 86_400_000) });
      await setChallengeStatus(db, system, { programId: program.id, challengeId: c.id, status: "active" });
    }
  }
  const buy = (memberId: string, orderId: string) => recordPurchase(db, system, { programId: program.id, memberId, orderId, amountMinor: 10_000, currency: "MXN", channel: "pos" });
  await buy(marta.id, "E2E-LB-MARTA-1");
  await buy(marta.id, "E2E-LB-MARTA-2");
  await buy(nico.id, "E2E-LB-NICO-1");
  await setLeaderboardEnabled(db, system, { programId: program.id, enabled: true });
  await updateMyLeaderboard(db, { kind: "member", programId: program.id, memberId: marta.id }, { visible: "yes", nameChoice: "masked" });
  await updateMyLeaderboard(db, { kind: "member", programId: program.id, memberId: nico.id }, { visible: "yes", nameChoice: "custom", displayName: "Nico del Barrio" });
  await setLeaderboardEnabled(db, system, { programId: program.id, enabled: false });
  const key = await createApiKey(db, system, { programId: program.id, name: "e2e leaderboard API" });
  return { programId: program.id, key: key.key, members: { lia, beto } };
}
