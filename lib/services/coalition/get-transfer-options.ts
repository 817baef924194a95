import { findVerifiedMembersByEmail, listLinksFrom, listTransfersOfMember } from "@/db/queries/coalitions";
import { getAccountByMember } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import type { LocalizedText } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import { authorizeSelf, type Actor } from "@/lib/auth/actor";
import type { ExchangeRate } from "@/lib/domain/coalition/exchange-rate";
import { NotFoundError } from "@/lib/errors";

export type TransferOption = { programId: string; name: string; pointName: LocalizedText; rate: ExchangeRate; linked: boolean };

export type TransferOptions = {
  available: number;
  options: TransferOption[];
  recent: Awaited<ReturnType<typeof listTransfersOfMember>>;
};

/**
 * What the member's transfer page shows: their available points, every sister
 * program linked from theirs with its rate, and whether they have an account
 * there with the same verified email (only those can receive points).
 */
export async function getMyTransferOptions(db: Executor, actor: Actor, input: { programId: string; memberId: string }): Promise<TransferOptions> {
  authorizeSelf(actor, input);
  const member = await getMember(db, input);
  if (!member) throw new NotFoundError("member", input.memberId);
  const [links, account, recent] = await Promise.all([listLinksFrom(db, input.programId), getAccountByMember(db, input), listTransfersOfMember(db, { ...input, limit: 10 })]);
  const options: TransferOption[] = [];
  for (const link of links) {
    const receivers = member.email ? await findVerifiedMembersByEmail(db, { programId: link.toProgramId, email: member.email }) : [];
    options.push({ programId: link.toProgramId, name: link.name, pointName: link.pointName, rate: { numerator: link.rateNumerator, denominator: link.rateDenominator }, linked: receivers.length === 1 });
  }
  return { available: account?.available ?? 0, options, recent };
}

/** Whether the program belongs to a coalition (the portal's home then links to the transfer page). */
export async function programHasCoalition(db: Executor, programId: string): Promise<boolean> {
  return (await listLinksFrom(db, programId)).length > 0;
}
