import { insertOutboxMail } from "@/db/queries/email-outbox";
import type { Executor } from "@/db/types";
import { readEnv } from "@/lib/env";

export type Mail = { programId: string | null; to: string; subject: string; text: string; html?: string };

/**
 * Every mail is recorded in the outbox (Settings → Outbox in the console). With
 * SMTP_URL it also goes out through nodemailer; without it, the outbox is the
 * development mailbox that people and tests read.
 */
export async function sendMail(db: Executor, mail: Mail): Promise<void> {
  const smtp = readEnv().SMTP_URL;
  let sentAt: Date | null = null;
  if (smtp) {
    const nodemailer = await import("nodemailer");
    await nodemailer.createTransport(smtp).sendMail({ from: process.env.MAIL_FROM ?? "Lazo <no-reply@lazo.local>", to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    sentAt = new Date();
  }
  await insertOutboxMail(db, { ...mail, sentAt });
}
