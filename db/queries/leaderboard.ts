import { and, count, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { selectRows } from "../rows";
import { challengeProgress, leaderboardEntries, members } from "../schema";
import type { Executor } from "../types";

export type LeaderboardEntryRow = typeof leaderboardEntries.$inferSelect;
type MemberRef = { programId: string; memberId: string };
type Month = { start: Date; end: Date };

export async function getLeaderboardEntry(db: Executor, p: MemberRef): Promise<LeaderboardEntryRow | undefined> {
  const [row] = await db.select().from(leaderboardEntries).where(and(eq(leaderboardEntries.programId, p.programId), eq(leaderboardEntries.memberId, p.memberId)));
  return row;
}

/** Joins the board or changes the name shown; the first join time stays (it breaks no ties, but says since when). */
export async function upsertLeaderboardEntry(tx: Executor, p: MemberRef & { displayName: string | null; now: Date }): Promise<LeaderboardEntryRow> {
  const [row] = await tx
    .insert(leaderboardEntries)
    .values({ programId: p.programId, memberId: p.memberId, displayName: p.displayName, joinedAt: p.now, updatedAt: p.now })
    .onConflictDoUpdate({ target: [leaderboardEntries.programId, leaderboardEntries.memberId], set: { displayName: p.displayName, updatedAt: p.now } })
    .returning();
  return row!;
}

/** Leaves the board: the row goes, so the member disappears from it at once. True when there was one. */
export async function deleteLeaderboardEntry(tx: Executor, p: MemberRef): Promise<boolean> {
  const rows = await tx
    .delete(leaderboardEntries)
    .where(and(eq(leaderboardEntries.programId, p.programId), eq(leaderboardEntries.memberId, p.memberId)))
    .returning({ memberId: leaderboardEntries.memberId });
  return rows.length > 0;
}

/** Challenges the member completed in the month (what their score would be on the board). */
export async function countMonthCompletions(db: Executor, p: MemberRef & Month): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(challengeProgress)
    .where(and(eq(challengeProgress.programId, p.programId), eq(challengeProgress.memberId, p.memberId), isNotNull(challengeProgress.completedAt), gte(challengeProgress.completedAt, p.start), lt(challengeProgress.completedAt, p.end)));
  return Number(row?.n ?? 0);
}

export type StandingRow = {
  memberId: string;
  displayName: string | null;
  memberName: string | null;
  score: number;
  reachedAt: Date;
  rank: number;
  position: number;
  participants: number;
};

/**
 * The month's board: opted-in, active members of the program with at least
 * one challenge completed in the month, ranked by completions, then by who
 * reached their score first (lib/domain/gamification/leaderboard.ts states the
 * same order). Returns the first `limit` positions and, wherever they stand,
 * the row of `memberId`. Ranks are computed over opted-in members only, so
 * nobody who stayed off the board counts anywhere in it.
 */
export async function listLeaderboard(db: Executor, p: Month & { programId: string; memberId: string | null; limit: number }): Promise<StandingRow[]> {
  const rows = await selectRows<{ member_id: string; display_name: string | null; member_name: string | null; score: number | string; reached_at: Date | string; rank: number | string; position: number | string; participants: number | string }>(
    db,
    sql`
      with scores as (
        select le.member_id, le.display_name, le.joined_at, m.name as member_name,
               count(*) as score, max(cp.completed_at) as reached_at
          from ${leaderboardEntries} le
          join ${members} m on m.program_id = le.program_id and m.id = le.member_id and m.status = 'active'
          join ${challengeProgress} cp on cp.program_id = le.program_id and cp.member_id = le.member_id
                                      and cp.completed_at >= ${p.start.toISOString()} and cp.completed_at < ${p.end.toISOString()}
         where le.program_id = ${p.programId}
         group by le.member_id, le.display_name, le.joined_at, m.name
      ), ranked as (
        select s.*,
               rank() over (order by score desc, reached_at asc) as rank,
               row_number() over (order by score desc, reached_at asc, joined_at asc, member_id asc) as position,
               count(*) over () as participants
          from scores s
      )
      select member_id, display_name, member_name, score, reached_at, rank, position, participants
        from ranked
       where position <= ${p.limit} or member_id = ${p.memberId}
       order by position`,
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    displayName: r.display_name,
    memberName: r.member_name,
    score: Number(r.score),
    reachedAt: new Date(r.reached_at),
    rank: Number(r.rank),
    position: Number(r.position),
    participants: Number(r.participants),
  }));
}
