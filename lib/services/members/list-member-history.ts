import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { authorizeSelf, type Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { memberHistoryQuerySchema, type MemberHistoryQuery } from "@/lib/validation/member-admin";
import { listExplainedHistory, type ExplainedHistoryPage } from "@/lib/services/ledger/list-explained-history";

/** A member's explained ledger for the console (members:read); another program's member is not found. */
export async function listMemberHistory(db: Executor, actor: Actor, input: MemberHistoryQuery): Promise<ExplainedHistoryPage> {
  await authorizeProgram(db, actor, "members:read", input.programId);
  const data = parseInput(memberHistoryQuerySchema, input);
  if (!(await getMember(db, data))) throw new NotFoundError("member", data.memberId);
  return listExplainedHistory(db, data);
}

/** The signed-in member's own explained ledger — never anybody else's (the actor decides whose). */
export async function listMyHistory(db: Executor, actor: Actor, input: Omit<MemberHistoryQuery, "programId" | "memberId">): Promise<ExplainedHistoryPage> {
  if (actor.kind !== "member") throw new NotFoundError("member");
  const data = parseInput(memberHistoryQuerySchema, { ...input, programId: actor.programId, memberId: actor.memberId });
  authorizeSelf(actor, data);
  const member = await getMember(db, data);
  if (!member || member.status !== "active") throw new NotFoundError("member", data.memberId);
  return listExplainedHistory(db, data);
}
