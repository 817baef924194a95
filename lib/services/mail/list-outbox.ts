import { listOutbox } from "@/db/queries/email-outbox";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

export type OutboxMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  /** "smtp": handed to the mail server; "outbox": development only, read it here. */
  delivery: "smtp" | "outbox";
  sentAt: string | null;
};

/** The program's mail, newest first (Settings → Outbox): the development mailbox people and tests read. */
export async function listOutboxMail(db: Executor, actor: Actor, input: { programId: string; limit?: number }): Promise<OutboxMail[]> {
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "outbox:read", program);
  const rows = await listOutbox(db, { programId: program.id, limit: Math.min(Math.max(input.limit ?? 100, 1), 500) });
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    createdAt: r.createdAt.toISOString(),
    delivery: r.sentAt ? "smtp" : "outbox",
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
