import { searchDeskMembers, type DeskMemberHit } from "@/db/queries/desk-members";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { classifyMemberQuery } from "@/lib/domain/desk/classify-member-query";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { isLazoError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/localized-text";
import { resolveMemberToken } from "@/lib/services/members/resolve-member-token";
import { parseInput } from "@/lib/validation/common";
import { findDeskMembersSchema, type FindDeskMembersInput } from "@/lib/validation/desk-members";
import { authorizeDesk } from "./authorize-desk";

export type { DeskMemberHit };

export const DESK_RESULT_LIMIT = 20;

export type DeskSearchResult =
  | { outcome: "empty" }
  /** One member for certain (scanned card, whole card number, the only exact email or phone): go to the panel. */
  | { outcome: "match"; memberId: string; via: "token" | "card" | "email" | "phone" }
  | { outcome: "list"; members: DeskMemberHit[]; tierNames: Record<string, LocalizedText> }
  | { outcome: "token_refused"; code: "card_token_expired" | "card_token_invalid" };

/**
 * The counter's search box (members:read at the store): a scanned card token,
 * a card number, an email, a phone or a name, ranked best first.
 */
export async function findDeskMembers(db: Executor, actor: Actor, input: FindDeskMembersInput, now = new Date()): Promise<DeskSearchResult> {
  const program = await authorizeDesk(db, actor, "members:read", input?.programId, input?.storeId);
  const data = parseInput(findDeskMembersSchema, input);
  const query = classifyMemberQuery(data.q);
  if (query.kind === "empty") return { outcome: "empty" };
  if (query.kind === "token") return resolveToken(db, actor, program.id, query.token, now);

  const members = await searchDeskMembers(db, { programId: program.id, query, limit: DESK_RESULT_LIMIT });
  const exact = members.filter((m) => m.exact);
  if (exact.length === 1 && exact[0]!.status === "active") return { outcome: "match", memberId: exact[0]!.id, via: exact[0]!.exact! };
  const plan = (await getLivePlanVersion(db, { programId: program.id, at: now }))?.definition as PlanDefinition | undefined;
  return { outcome: "list", members, tierNames: Object.fromEntries((plan?.tiers ?? []).map((t) => [t.key, t.name])) };
}

async function resolveToken(db: Executor, actor: Actor, programId: string, token: string, now: Date): Promise<DeskSearchResult> {
  try {
    const scanned = await resolveMemberToken(db, actor, { programId, token }, now);
    return { outcome: "match", memberId: scanned.memberId, via: "token" };
  } catch (error) {
    if (!isLazoError(error) || error.status >= 500 || error.code === "forbidden") throw error;
    // A forged, foreign or stale card, or a member no longer active: the cashier asks for a fresh card.
    return { outcome: "token_refused", code: error.code === "card_token_expired" ? "card_token_expired" : "card_token_invalid" };
  }
}
