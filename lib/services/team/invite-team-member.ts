import { findUserAccessToProgram } from "@/db/queries/memberships";
import type { ProgramRow } from "@/db/queries/programs";
import { findUserByEmail } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { inviteTeamMemberSchema, type InviteTeamMemberInput } from "@/lib/validation/team";
import { issuePasswordToken } from "@/lib/services/auth/password-tokens";
import { sendMail } from "@/lib/services/mail/send-mail";
import { addTeamMember } from "./add-team-member";

export type InvitedTeamMember = { userId: string; membershipId: string; email: string; invitationSent: boolean };

/**
 * Gives a person access to the program and mails them: new people (or people
 * who never set a password) get a single-use link to choose one; people who
 * already sign in elsewhere just get a notice. Grant, token, audit row and
 * mail commit together — a failed mail leaves no half-invited user behind.
 */
export async function inviteTeamMember(db: Executor, actor: Actor, input: InviteTeamMemberInput, now = new Date()): Promise<InvitedTeamMember> {
  const program = await authorizeProgram(db, actor, "team:manage", input.programId);
  const data = parseInput(inviteTeamMemberSchema, input);
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, data.email);
    if (existing && (await findUserAccessToProgram(tx, { programId: program.id, organizationId: program.organizationId, userId: existing.id }))) {
      throw new ConflictError("already_member", "This person already has access to the program.", { email: data.email });
    }
    const { programId, email, name, role, storeIds, extraPermissions } = data;
    // The transaction is the executor too: on embedded PGlite (one connection) a query on `db` would wait for this transaction forever.
    const added = await addTeamMember(tx, actor, { programId, email, name, role, storeIds, extraPermissions }, tx);
    const token = added.hasPassword ? null : await issuePasswordToken(tx, { userId: added.userId, purpose: "invite", now });
    const link = new URL(token ? `/invite/accept?token=${encodeURIComponent(token)}` : "/sign-in", data.appUrl).toString();
    await sendMail(tx, { programId: program.id, to: email, ...invitationMail(program, link, Boolean(token)) });
    return { userId: added.userId, membershipId: added.membershipId, email, invitationSent: Boolean(token) };
  });
}

/** One mail in both languages: we do not know the invitee's language yet. */
function invitationMail(program: ProgramRow, link: string, withToken: boolean): { subject: string; text: string } {
  const subject = `Invitación a ${program.name} en Lazo / Invitation to ${program.name} on Lazo`;
  const es = withToken
    ? [`Hola:`, ``, `Te invitaron al equipo del programa de lealtad ${program.name} en Lazo.`, `Para aceptar, elige tu contraseña en este enlace (vence en 72 horas y solo funciona una vez):`, ``, link]
    : [`Hola:`, ``, `Ahora tienes acceso al programa de lealtad ${program.name} en Lazo.`, `Inicia sesión con tu contraseña de siempre:`, ``, link];
  const en = withToken
    ? [`Hello,`, ``, `You have been invited to the team of the loyalty program ${program.name} on Lazo.`, `To accept, choose your password at this link (it expires in 72 hours and works once):`, ``, link]
    : [`Hello,`, ``, `You now have access to the loyalty program ${program.name} on Lazo.`, `Sign in with your usual password:`, ``, link];
  return { subject, text: [...es, ``, `—`, ``, ...en, ``].join("\n") };
}
