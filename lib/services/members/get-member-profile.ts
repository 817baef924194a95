import { getAccountByMember } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { memberRefSchema } from "@/lib/validation/ledger";

export type MemberProfile = {
  id: string;
  externalId: string | null;
  cardNumber: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  birthday: string | null;
  status: string;
  enrolledAt: string;
  tier: string | null;
  consents: { terms: boolean; marketing: boolean; personalization: boolean };
  balance: { available: number; pending: number };
};

/** A member as integrations and staff see it; another program's member is simply not found. */
export async function getMemberProfile(db: Executor, actor: Actor, input: { programId: string; memberId: string }): Promise<MemberProfile> {
  const data = parseInput(memberRefSchema, input);
  const program = await getProgramById(db, data.programId);
  if (!program) throw new NotFoundError("program", data.programId);
  authorize(actor, "members:read", program);
  const member = await getMember(db, data);
  const account = member ? await getAccountByMember(db, data) : undefined;
  if (!member || !account) throw new NotFoundError("member", data.memberId);
  return {
    id: member.id,
    externalId: member.externalId,
    cardNumber: member.cardNumber,
    email: member.email,
    phone: member.phone,
    name: member.name,
    birthday: member.birthday,
    status: member.status,
    enrolledAt: member.enrolledAt.toISOString(),
    tier: member.tierKey,
    consents: { terms: Boolean(member.consentTermsAt), marketing: member.consentMarketing, personalization: member.consentPersonalization },
    balance: { available: account.available, pending: account.pending },
  };
}
