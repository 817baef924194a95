import { searchMembers as searchRows, type MemberListRow } from "@/db/queries/member-directory";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import type { LocalizedText } from "@/lib/localized-text";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { searchMembersSchema, type SearchMembersInput } from "@/lib/validation/member-admin";

export type { MemberListRow };

export type MemberSearchResult = { members: MemberListRow[]; total: number; page: number; pageCount: number; tierNames: Record<string, LocalizedText> };

/** The console's member list: a page of members matching name, email, phone or card, with tier and balances (members:read). */
export async function searchProgramMembers(db: Executor, actor: Actor, input: SearchMembersInput): Promise<MemberSearchResult> {
  const program = await authorizeProgram(db, actor, "members:read", input.programId);
  const data = parseInput(searchMembersSchema, input);
  const { rows, total } = await searchRows(db, { programId: program.id, q: data.q, offset: (data.page - 1) * data.pageSize, limit: data.pageSize });
  const plan = (await getLivePlanVersion(db, { programId: program.id, at: new Date() }))?.definition as PlanDefinition | undefined;
  const tierNames = Object.fromEntries((plan?.tiers ?? []).map((t) => [t.key, t.name]));
  return { members: rows, total, page: data.page, pageCount: Math.max(1, Math.ceil(total / data.pageSize)), tierNames };
}
