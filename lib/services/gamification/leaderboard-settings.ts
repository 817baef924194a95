import { getProgramForUpdate, updateProgramSettingsRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { leaderboardEnabled } from "@/lib/domain/gamification/leaderboard";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { setLeaderboardSchema, type SetLeaderboardInput } from "@/lib/validation/leaderboard";

/**
 * Turns the portal's challenges leaderboard on or off (`campaigns:write`:
 * marketers, admins, owners — the people who run challenges), kept with the
 * program's other settings and audited with before and after. Turning it off
 * hides the board and its links at once but keeps members' opt-ins, so turning
 * it back on does not ask everyone again; saving the same value writes nothing.
 */
export async function setLeaderboardEnabled(db: Executor, actor: Actor, input: SetLeaderboardInput, now = new Date()): Promise<{ changed: boolean; enabled: boolean }> {
  const program = await authorizeProgram(db, actor, "campaigns:write", input?.programId);
  const data = parseInput(setLeaderboardSchema, input);
  return db.transaction(async (tx) => {
    const current = await getProgramForUpdate(tx, program.id);
    if (!current) throw new NotFoundError("program", program.id);
    const before = leaderboardEnabled(current.settings);
    if (before === data.enabled) return { changed: false, enabled: before };
    const { name, pointName, locale, timeZone } = current;
    await updateProgramSettingsRow(tx, { programId: program.id, values: { name, pointName, locale, timeZone, settings: { ...current.settings, leaderboard: { enabled: data.enabled } } }, now });
    await recordAudit(tx, actor, {
      program,
      action: data.enabled ? "program.leaderboard_enable" : "program.leaderboard_disable",
      targetType: "program",
      targetId: program.id,
      before: { leaderboard: { enabled: before } },
      after: { leaderboard: { enabled: data.enabled } },
    });
    return { changed: true, enabled: data.enabled };
  });
}
