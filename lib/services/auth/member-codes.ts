import { findActiveMemberByEmail } from "@/db/queries/members";
import { countAttempt, insertOneTimeCode, lockLatestLiveCode } from "@/db/queries/one-time-codes";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { codeMatches, generateCode, hashCode } from "@/lib/auth/one-time-code";
import { serverSecret } from "@/lib/auth/server-secret";
import { LazoError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { requestCodeSchema, verifyCodeSchema } from "@/lib/validation/auth";
import { sendMail } from "@/lib/services/mail/send-mail";
import { assertUnderLimit, clearFailures, LIMITS, recordFailure } from "@/lib/services/rate-limit";
import { markCodeUsed } from "@/db/queries/one-time-codes";

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;

export class InvalidCodeError extends LazoError {
  constructor(reason: "invalid" | "exhausted") {
    super(
      reason === "invalid" ? "invalid_code" : "code_exhausted",
      reason === "invalid" ? "The code is wrong or has expired." : "Too many wrong attempts: request a new code.",
      401,
    );
  }
}

const TEXT = {
  es: (code: string, program: string) => ({ subject: `Tu código de acceso a ${program}: ${code}`, text: `Tu código de acceso es ${code}.\nVence en 10 minutos. Si no lo pediste, ignora este mensaje.` }),
  en: (code: string, program: string) => ({ subject: `Your ${program} sign-in code: ${code}`, text: `Your sign-in code is ${code}.\nIt expires in 10 minutes. If you did not ask for it, ignore this message.` }),
};

/**
 * Sends a one-time sign-in code when the address belongs to an active member.
 * The answer is the same whether it does or not, so nobody can probe who is a member.
 */
export async function requestMemberCode(db: Executor, input: { programId: string; email: string; locale?: "es" | "en"; ip: string }, now = new Date()): Promise<{ sent: true }> {
  const data = parseInput(requestCodeSchema, { programId: input.programId, email: input.email, locale: input.locale });
  const program = await getProgramById(db, data.programId);
  if (!program) throw new NotFoundError("program", data.programId);
  const limits = [LIMITS.codeRequestsByEmail(program.id, data.email), LIMITS.codeRequestsByIp(input.ip)];
  await assertUnderLimit(db, limits, now);
  await recordFailure(db, limits, now);
  const member = await findActiveMemberByEmail(db, { programId: program.id, email: data.email });
  if (!member) return { sent: true };
  const code = generateCode();
  await db.transaction(async (tx) => {
    await insertOneTimeCode(tx, { programId: program.id, email: data.email, codeHash: hashCode(code, serverSecret()), expiresAt: new Date(now.getTime() + CODE_TTL_MS), createdAt: now });
    await sendMail(tx, { programId: program.id, to: data.email, ...TEXT[data.locale](code, program.name) });
  });
  return { sent: true };
}

/**
 * Checks a code: right → the member (and the code is spent); wrong → one attempt used, five kill the code.
 * Wrong codes also count per email and per IP across codes (LIMITS.codeVerify*): past the limit every
 * try is refused with rate_limited until the window moves on, right code or not.
 */
export async function verifyMemberCode(db: Executor, input: { programId: string; email: string; code: string; ip: string }, now = new Date()): Promise<{ memberId: string; programId: string }> {
  const data = parseInput(verifyCodeSchema, { programId: input.programId, email: input.email, code: input.code });
  const limits = [LIMITS.codeVerifyByEmail(data.programId, data.email), LIMITS.codeVerifyByIp(input.ip)];
  await assertUnderLimit(db, limits, now);
  const refuse = async (reason: "invalid" | "exhausted") => {
    await recordFailure(db, limits, now);
    return new InvalidCodeError(reason);
  };
  const outcome = await db.transaction(async (tx) => {
    const live = await lockLatestLiveCode(tx, { programId: data.programId, email: data.email, now });
    if (!live) return { ok: false as const, reason: "invalid" as const };
    if (live.attempts >= MAX_CODE_ATTEMPTS) return { ok: false as const, reason: "exhausted" as const };
    if (!codeMatches(data.code, live.codeHash, serverSecret())) {
      // Counted and committed: the refusal is thrown only after the transaction.
      await countAttempt(tx, { programId: data.programId, id: live.id });
      return { ok: false as const, reason: live.attempts + 1 >= MAX_CODE_ATTEMPTS ? ("exhausted" as const) : ("invalid" as const) };
    }
    await markCodeUsed(tx, { programId: data.programId, id: live.id, now });
    return { ok: true as const };
  });
  if (!outcome.ok) throw await refuse(outcome.reason);
  const member = await findActiveMemberByEmail(db, { programId: data.programId, email: data.email });
  if (!member) throw await refuse("invalid");
  await clearFailures(db, LIMITS.codeVerifyByEmail(data.programId, data.email));
  return { memberId: member.id, programId: member.programId };
}
