import { getAccountByMember } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { NotFoundError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/localized-text";
import { parseInput } from "@/lib/validation/common";
import { deskMemberRefSchema, type DeskMemberRef } from "@/lib/validation/desk-members";
import { authorizeDesk } from "./desk-access";

export type DeskSaleMember = {
  member: { id: string; name: string | null; cardNumber: string; status: "active" | "suspended" | "anonymized" };
  tier: { key: string; name: LocalizedText } | null;
  points: { available: number; pending: number };
  program: { currency: string; locale: string; timeZone: string };
  store: { id: string; name: string; code: string };
  may: { earn: boolean; adjust: boolean };
};

/**
 * The header of the purchase and adjustment screens (members:read at the
 * store): who the member is, their points, the program's money and what this
 * user may do here. Another program's member, or an anonymised one, is not found.
 */
export async function getDeskSaleMember(db: Executor, actor: Actor, input: DeskMemberRef, now = new Date()): Promise<DeskSaleMember> {
  const { program, store } = await authorizeDesk(db, actor, "members:read", input);
  const data = parseInput(deskMemberRefSchema, input);
  const ref = { programId: program.id, memberId: data.memberId };
  const member = await getMember(db, ref);
  if (!member || member.status === "anonymized") throw new NotFoundError("member", data.memberId);
  const [account, plan] = await Promise.all([getAccountByMember(db, ref), getLivePlanVersion(db, { programId: program.id, at: now })]);
  const tier = ((plan?.definition as PlanDefinition | undefined)?.tiers ?? []).find((t) => t.key === member.tierKey);
  const active = member.status === "active";
  return {
    member: { id: member.id, name: member.name, cardNumber: member.cardNumber, status: member.status },
    tier: tier ? { key: tier.key, name: tier.name } : null,
    points: { available: account?.available ?? 0, pending: account?.pending ?? 0 },
    program: { currency: program.currency, locale: program.locale, timeZone: program.timeZone },
    store,
    may: { earn: active && can(actor, "points:earn", program, store.id), adjust: active && can(actor, "points:adjust", program, store.id) },
  };
}
