import { findUserByEmail } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { parseInput } from "@/lib/validation/common";
import { emailSchema } from "@/lib/validation/member";
import { sendMail } from "@/lib/services/mail/send-mail";
import { assertUnderLimit, recordFailure, type Limit } from "@/lib/services/rate-limit";
import { z } from "zod";
import { issuePasswordToken } from "./password-tokens";

/** Every request counts (not only failures): a reset link is a mail we send on someone's behalf. */
export const RESET_LIMITS = {
  byEmail: (email: string): Limit => ({ bucket: `password-reset:email:${email.toLowerCase()}`, max: 3, windowMs: 15 * 60_000 }),
  byIp: (ip: string): Limit => ({ bucket: `password-reset:ip:${ip}`, max: 20, windowMs: 15 * 60_000 }),
};

const requestPasswordResetSchema = z.object({ email: emailSchema, locale: z.enum(["es", "en"]).default("es"), linkBase: z.url() }).strict();

const TEXT = {
  es: (link: string) => ({
    subject: "Restablece tu contraseña de Lazo",
    text: `Alguien (esperamos que tú) pidió restablecer la contraseña de tu cuenta de Lazo.\n\nElige una nueva aquí: ${link}\n\nEl enlace vence en una hora y sirve una sola vez. Si no lo pediste, ignora este mensaje: tu contraseña no cambia.`,
  }),
  en: (link: string) => ({
    subject: "Reset your Lazo password",
    text: `Someone (hopefully you) asked to reset the password of your Lazo account.\n\nChoose a new one here: ${link}\n\nThe link expires in one hour and works once. If you did not ask for it, ignore this message: your password stays the same.`,
  }),
};

/**
 * Mails a single-use reset link to a console or staff user. The answer is the
 * same whether the address belongs to a user or not, so nobody can probe the
 * team list; requests are limited per address and per IP either way.
 */
export async function requestPasswordReset(
  db: Executor,
  input: { email: string; locale?: "es" | "en"; ip: string; linkBase: string },
  now = new Date(),
): Promise<{ sent: true }> {
  const data = parseInput(requestPasswordResetSchema, { email: input.email, locale: input.locale, linkBase: input.linkBase });
  const limits = [RESET_LIMITS.byEmail(data.email), RESET_LIMITS.byIp(input.ip)];
  await assertUnderLimit(db, limits, now);
  await recordFailure(db, limits, now);
  const user = await findUserByEmail(db, data.email);
  if (!user || user.disabledAt) return { sent: true };
  await db.transaction(async (tx) => {
    const token = await issuePasswordToken(tx, { userId: user.id, purpose: "reset", now });
    const link = new URL(`/reset-password?token=${encodeURIComponent(token)}`, data.linkBase).toString();
    const locale = user.locale === "en" || user.locale === "es" ? user.locale : data.locale;
    await sendMail(tx, { programId: null, to: user.email, ...TEXT[locale](link) });
  });
  return { sent: true };
}
