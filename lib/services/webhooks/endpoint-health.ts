import { listProgramTeam } from "@/db/queries/memberships";
import { getProgramById } from "@/db/queries/programs";
import { getWebhookEndpoint, updateWebhookEndpoint, type WebhookEndpointRow } from "@/db/queries/webhook-endpoints";
import type { Executor } from "@/db/types";
import { shouldDisableEndpoint } from "@/lib/domain/webhooks/retry-schedule";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { sendMail } from "@/lib/services/mail/send-mail";

/** Why the system disabled an endpoint (shown translated in the console). */
export const AUTO_DISABLED_REASON = "failing_24h";

/**
 * Keeps the endpoint's failure record after an attempt: a success clears it;
 * a failure extends the run, and a run of a full day without one success
 * disables the endpoint, tells the program's admins by mail, and is audited.
 */
export async function recordEndpointOutcome(tx: Executor, p: { programId: string; endpointId: string; ok: boolean; now: Date }): Promise<void> {
  const endpoint = await getWebhookEndpoint(tx, { ...p, lock: true });
  if (!endpoint) return;
  const ref = { programId: p.programId, endpointId: p.endpointId, now: p.now };
  if (p.ok) {
    if (endpoint.consecutiveFailures || endpoint.failingSince) await updateWebhookEndpoint(tx, ref, { consecutiveFailures: 0, failingSince: null });
    return;
  }
  const failingSince = endpoint.failingSince ?? p.now;
  const disable = endpoint.status === "active" && shouldDisableEndpoint({ failingSince, now: p.now });
  await updateWebhookEndpoint(tx, ref, {
    consecutiveFailures: endpoint.consecutiveFailures + 1,
    failingSince,
    ...(disable ? { status: "disabled" as const, disabledReason: AUTO_DISABLED_REASON, disabledAt: p.now } : {}),
  });
  if (disable) await announceDisabled(tx, endpoint, p.now);
}

async function announceDisabled(tx: Executor, endpoint: WebhookEndpointRow, now: Date): Promise<void> {
  const program = await getProgramById(tx, endpoint.programId);
  if (!program) return;
  await recordAudit(tx, { kind: "system", label: "webhooks" }, {
    program,
    action: "webhook.auto_disable",
    targetType: "webhook_endpoint",
    targetId: endpoint.id,
    before: { status: "active", consecutiveFailures: endpoint.consecutiveFailures },
    after: { status: "disabled", disabledReason: AUTO_DISABLED_REASON, failingSince: endpoint.failingSince?.toISOString() ?? now.toISOString() },
  });
  const team = await listProgramTeam(tx, { programId: program.id, organizationId: program.organizationId });
  const admins = team.filter((m) => (m.role === "owner" || m.role === "admin") && !m.disabledAt);
  for (const admin of new Set(admins.map((a) => a.email))) {
    await sendMail(tx, { programId: program.id, to: admin, ...disabledMail(program.name, endpoint.url) });
  }
}

function disabledMail(programName: string, url: string): { subject: string; text: string } {
  const subject = `Webhook desactivado en ${programName} / Webhook disabled in ${programName}`;
  const es = [
    `El endpoint ${url} no respondió correctamente durante 24 horas, así que Lazo lo desactivó y dejó de enviarle eventos.`,
    `Revisa el registro de entregas en Consola → Desarrolladores → Webhooks, corrige el receptor y vuelve a activarlo; puedes reenviar las entregas fallidas.`,
  ];
  const en = [
    `The endpoint ${url} did not answer successfully for 24 hours, so Lazo disabled it and stopped sending it events.`,
    `Check the delivery log in Console → Developers → Webhooks, fix the receiver and enable it again; you can replay the failed deliveries.`,
  ];
  return { subject, text: [...es, "", "—", "", ...en, ""].join("\n") };
}
