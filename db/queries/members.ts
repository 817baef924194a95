import { and, eq, sql } from "drizzle-orm";
import { members, pointAccounts } from "../schema";
import type { Executor } from "../types";

export type MemberRow = typeof members.$inferSelect;

export async function insertMemberWithAccount(db: Executor, values: typeof members.$inferInsert): Promise<MemberRow> {
  const [member] = await db.insert(members).values(values).returning();
  await db.insert(pointAccounts).values({ programId: member!.programId, memberId: member!.id });
  return member!;
}

export async function getMember(db: Executor, p: { programId: string; memberId: string }): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(members).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId)));
  return row;
}

export async function findMemberByExternalId(db: Executor, p: { programId: string; externalId: string }): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(members).where(and(eq(members.programId, p.programId), eq(members.externalId, p.externalId)));
  return row;
}

export async function cardNumberTaken(db: Executor, p: { programId: string; cardNumber: string }): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(members)
    .where(and(eq(members.programId, p.programId), eq(members.cardNumber, p.cardNumber)));
  return Boolean(row);
}

export async function findActiveMemberByEmail(db: Executor, p: { programId: string; email: string }): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.programId, p.programId), sql`lower(${members.email}) = lower(${p.email})`, eq(members.status, "active")))
    .limit(1);
  return row;
}
