import { and, eq, ne, sql } from "drizzle-orm";
import { members } from "../schema";
import type { Executor } from "../types";
import type { MemberRow } from "./members";

/** The member row, locked for an update in this transaction. */
export async function lockMember(tx: Executor, p: { programId: string; memberId: string }): Promise<MemberRow | undefined> {
  const [row] = await tx.select().from(members).where(and(eq(members.programId, p.programId), eq(members.id, p.memberId))).for("update");
  return row;
}

/** Another active member of the program with this email (case-insensitive) or phone. */
export async function findOtherMemberWith(tx: Executor, p: { programId: string; memberId: string; email?: string; phone?: string }): Promise<{ email: boolean; phone: boolean }> {
  const found = { email: false, phone: false };
  if (p.email) {
    const [row] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.programId, p.programId), ne(members.id, p.memberId), eq(members.status, "active"), sql`lower(${members.email}) = lower(${p.email})`))
      .limit(1);
    found.email = Boolean(row);
  }
  if (p.phone) {
    const [row] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.programId, p.programId), ne(members.id, p.memberId), eq(members.status, "active"), eq(members.phone, p.phone)))
      .limit(1);
    found.phone = Boolean(row);
  }
  return found;
}

export type MemberChanges = Partial<Pick<MemberRow, "email" | "phone" | "name" | "birthday" | "consentTermsAt" | "consentMarketing" | "consentPersonalization">>;

export async function updateMember(tx: Executor, p: { programId: string; memberId: string; now: Date }, changes: MemberChanges): Promise<MemberRow> {
  const [row] = await tx
    .update(members)
    .set({ ...changes, updatedAt: p.now })
    .where(and(eq(members.programId, p.programId), eq(members.id, p.memberId)))
    .returning();
  return row!;
}
