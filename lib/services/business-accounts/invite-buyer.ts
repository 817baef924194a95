import { findMembership } from "@/db/queries/business-accounts";
import { findActiveMemberByEmail } from "@/db/queries/members";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { roleAllows } from "@/lib/domain/business-accounts/user-permissions";
import { NotFoundError } from "@/lib/errors";
import { sendMail } from "@/lib/services/mail/send-mail";
import { createMember } from "@/lib/services/members/create-member";
import { parseInput } from "@/lib/validation/common";
import { inviteBuyerSchema, type InviteBuyerInput } from "@/lib/validation/business-accounts";
import { memberTaken } from "./create-business-account";
import { setAccountUser, type AccountUser } from "./manage-account-users";

const TEXT = {
  es: (p: { account: string; program: string; link: string }) => ({
    subject: `Te invitaron a comprar para ${p.account} en ${p.program}`,
    text: `Ahora tus compras para ${p.account} suman puntos a la cuenta de la empresa en ${p.program}.\nEntra con tu correo (te enviaremos un código de acceso): ${p.link}`,
  }),
  en: (p: { account: string; program: string; link: string }) => ({
    subject: `You were invited to buy for ${p.account} at ${p.program}`,
    text: `Your purchases for ${p.account} now earn points for the company's account at ${p.program}.\nSign in with your email (we will send you a sign-in code): ${p.link}`,
  }),
};

/**
 * An account admin invites a buyer by email from the portal: the member with
 * that address (or a new one, enrolled from the portal) joins the admin's
 * account with the role and limit chosen, and gets a mail (through the outbox)
 * with the portal's sign-in link, where the usual one-time code lets them in.
 */
export async function inviteBuyer(
  db: Executor,
  actor: Actor,
  input: InviteBuyerInput & { appUrl: string; locale: "es" | "en" },
  now = new Date(),
): Promise<AccountUser & { email: string; enrolled: boolean }> {
  if (actor.kind !== "member") throw new NotFoundError("account");
  // Authorize before validating: a member who manages no account learns nothing from field errors.
  const admin = await findMembership(db, { programId: actor.programId, memberId: actor.memberId });
  if (!admin || !roleAllows(admin.user.role, "manage")) throw new NotFoundError("account");
  const data = parseInput(inviteBuyerSchema, input);
  const program = (await getProgramById(db, actor.programId))!;
  const existing = await findActiveMemberByEmail(db, { programId: program.id, email: data.email });
  if (existing) {
    const other = await findMembership(db, { programId: program.id, memberId: existing.id });
    if (other && other.account.id !== admin.account.id) throw memberTaken(existing.id);
  }
  const member = existing ?? (await createMember(db, { programId: program.id, email: data.email, name: data.name, enrolmentChannel: "portal" }, now));
  const user = await setAccountUser(db, actor, { programId: program.id, accountId: admin.account.id, memberId: member.id, role: data.role, monthlyRedemptionLimit: data.monthlyRedemptionLimit }, now);
  const link = new URL(`/me/sign-in?program=${encodeURIComponent(program.slug)}&email=${encodeURIComponent(data.email)}`, input.appUrl).toString();
  await sendMail(db, { programId: program.id, to: data.email, ...TEXT[input.locale]({ account: admin.account.name, program: program.name, link }) });
  return { ...user, email: data.email, enrolled: !existing };
}
