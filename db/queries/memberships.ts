import { and, asc, eq, isNull, or } from "drizzle-orm";
import { memberships, users } from "../schema";
import type { Executor } from "../types";

export type MembershipRow = typeof memberships.$inferSelect;

export async function listMembershipsOfUser(db: Executor, userId: string) {
  return db.select().from(memberships).where(eq(memberships.userId, userId));
}

/** Grants that reach a program: its own, plus organization-wide ones (program_id null) of its organization. */
function reachesProgram(p: { programId: string; organizationId: string }) {
  return and(eq(memberships.organizationId, p.organizationId), or(eq(memberships.programId, p.programId), isNull(memberships.programId)));
}

/** Everyone with access to the program, with their user; pending = no password set yet. */
export async function listProgramTeam(db: Executor, p: { programId: string; organizationId: string }) {
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      programId: memberships.programId,
      storeIds: memberships.storeIds,
      extraPermissions: memberships.extraPermissions,
      hasPassword: users.passwordHash,
      disabledAt: users.disabledAt,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(reachesProgram(p))
    .orderBy(asc(memberships.createdAt), asc(users.email))
    .then((rows) => rows.map(({ hasPassword, ...r }) => ({ ...r, hasPassword: hasPassword !== null })));
}

export async function findUserAccessToProgram(db: Executor, p: { programId: string; organizationId: string; userId: string }) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.userId, p.userId), reachesProgram(p))).limit(1);
  return row;
}

/** A grant of this program only (organization-wide grants are not managed from a program). */
export async function findProgramMembership(db: Executor, p: { programId: string; membershipId: string }) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.programId, p.programId), eq(memberships.id, p.membershipId)));
  return row;
}

export async function updateProgramMembership(
  db: Executor,
  p: { programId: string; membershipId: string; role: MembershipRow["role"]; storeIds: string[]; extraPermissions: string[] },
) {
  const [row] = await db
    .update(memberships)
    .set({ role: p.role, storeIds: p.storeIds, extraPermissions: p.extraPermissions })
    .where(and(eq(memberships.programId, p.programId), eq(memberships.id, p.membershipId)))
    .returning();
  return row;
}

export async function deleteProgramMembership(db: Executor, p: { programId: string; membershipId: string }) {
  const [row] = await db
    .delete(memberships)
    .where(and(eq(memberships.programId, p.programId), eq(memberships.id, p.membershipId)))
    .returning();
  return row;
}
