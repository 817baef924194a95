import { countMonthCompletions, deleteLeaderboardEntry, getLeaderboardEntry, listLeaderboard, upsertLeaderboardEntry } from "@/db/queries/leaderboard";
import { lockMember } from "@/db/queries/member-updates";
import { getMember } from "@/db/queries/members";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { LEADERBOARD_SIZE, leaderboardEnabled, leaderboardMonth, maskedName, publicName } from "@/lib/domain/gamification/leaderboard";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { selfRef } from "@/lib/services/members/self-ref";
import { parseInput } from "@/lib/validation/common";
import { updateMyLeaderboardSchema, type UpdateMyLeaderboardInput } from "@/lib/validation/leaderboard";

/** The member's own choice: on the board or not, and the name it shows (the picked one or the masked default). */
export type MyLeaderboardChoice = {
  /** The program has the leaderboard on. */
  enabled: boolean;
  joined: boolean;
  /** The name they picked, null when they show the masked default. */
  displayName: string | null;
  /** "Ana G." from their profile name; null when there is no usable name (the page says "Member"). */
  maskedName: string | null;
};

/** One line of the board as any member may see it: a public name and numbers, never an id or a contact. */
export type LeaderboardLine = { rank: number; name: string | null; score: number; you: boolean };

export type MyLeaderboard = {
  program: Pick<ProgramRow, "locale" | "timeZone">;
  /** The calendar month that counts, in the program's zone ("2026-06"), and the instant it starts (for its name). */
  month: { key: string; start: string };
  top: LeaderboardLine[];
  /** Members ranked this month (opted in, at least one challenge completed). */
  participants: number;
  choice: MyLeaderboardChoice;
  /** The member's challenges completed this month, whether they joined or not. */
  score: number;
  /** Their rank when they joined and scored; null otherwise. */
  rank: number | null;
};

async function activeMember(db: Executor, ref: { programId: string; memberId: string }) {
  const [member, program] = await Promise.all([getMember(db, ref), getProgramById(db, ref.programId)]);
  if (!member || member.status !== "active" || !program) throw new NotFoundError("member", ref.memberId);
  return { member, program };
}

/** For the privacy page: whether the program has a board and whether (and how) the member is on it. */
export async function getMyLeaderboardChoice(db: Executor, actor: Actor): Promise<MyLeaderboardChoice> {
  const ref = selfRef(actor);
  const [{ member, program }, entry] = await Promise.all([activeMember(db, ref), getLeaderboardEntry(db, ref)]);
  return { enabled: leaderboardEnabled(program.settings), joined: Boolean(entry), displayName: entry?.displayName ?? null, maskedName: maskedName(member.name) };
}

/**
 * The portal's leaderboard for the signed-in member, or null when the program
 * has it off (the page is then not found). Everyone sees the same top lines;
 * the member also gets their own rank, or — when they stayed off the board —
 * their month's score and the invitation to join.
 */
export async function getMyLeaderboard(db: Executor, actor: Actor, now = new Date()): Promise<MyLeaderboard | null> {
  const ref = selfRef(actor);
  const { member, program } = await activeMember(db, ref);
  if (!leaderboardEnabled(program.settings)) return null;
  const month = leaderboardMonth(now, program.timeZone);
  const [entry, rows, score] = await Promise.all([
    getLeaderboardEntry(db, ref),
    listLeaderboard(db, { programId: program.id, memberId: ref.memberId, start: month.start, end: month.end, limit: LEADERBOARD_SIZE }),
    countMonthCompletions(db, { ...ref, start: month.start, end: month.end }),
  ]);
  const mine = rows.find((r) => r.memberId === ref.memberId);
  return {
    program: { locale: program.locale, timeZone: program.timeZone },
    month: { key: month.key, start: month.start.toISOString() },
    top: rows.filter((r) => r.position <= LEADERBOARD_SIZE).map((r) => ({ rank: r.rank, name: publicName(r, r.memberName), score: r.score, you: r.memberId === ref.memberId })),
    participants: rows[0]?.participants ?? 0,
    choice: { enabled: true, joined: Boolean(entry), displayName: entry?.displayName ?? null, maskedName: maskedName(member.name) },
    score,
    rank: mine?.rank ?? null,
  };
}

/**
 * The member joins the board (with the masked default or a name they pick),
 * renames themself on it, or leaves it. Self only, authorized before the
 * input is read. Joining needs the program's board on; leaving never does, so
 * a member can always take themself off. Audited with the member as actor —
 * whether they show and how, not the name itself.
 */
export async function updateMyLeaderboard(db: Executor, actor: Actor, input: UpdateMyLeaderboardInput | Record<string, unknown>, now = new Date()): Promise<MyLeaderboardChoice> {
  const ref = selfRef(actor);
  const data = parseInput(updateMyLeaderboardSchema, input);
  return db.transaction(async (tx) => {
    const [member, program] = await Promise.all([lockMember(tx, ref), getProgramById(tx, ref.programId)]);
    if (!member || member.status !== "active" || !program) throw new NotFoundError("member", ref.memberId);
    const enabled = leaderboardEnabled(program.settings);
    if (data.visible && !enabled) throw new NotFoundError("leaderboard", program.id);
    const existing = await getLeaderboardEntry(tx, ref);
    const shown = (e: { displayName: string | null } | undefined | null) => (e ? { visible: true, name: e.displayName === null ? "masked" : "custom" } : { visible: false });
    if (data.visible) await upsertLeaderboardEntry(tx, { ...ref, displayName: data.displayName, now });
    else await deleteLeaderboardEntry(tx, ref);
    const changed = data.visible ? !existing || existing.displayName !== data.displayName : Boolean(existing);
    if (changed) {
      const action = !data.visible ? "member.leaderboard_leave" : existing ? "member.leaderboard_rename" : "member.leaderboard_join";
      await recordAudit(tx, actor, { program, action, targetType: "member", targetId: ref.memberId, before: shown(existing), after: shown(data.visible ? data : null) });
    }
    return { enabled, joined: data.visible, displayName: data.displayName, maskedName: maskedName(member.name) };
  });
}
