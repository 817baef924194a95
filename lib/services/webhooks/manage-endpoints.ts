import type { ProgramRow } from "@/db/queries/programs";
import {
  deleteWebhookEndpoint as deleteRow,
  getWebhookEndpoint,
  insertWebhookEndpoint,
  updateWebhookEndpoint as updateRow,
  type WebhookEndpointRow,
} from "@/db/queries/webhook-endpoints";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { idSchema, parseInput } from "@/lib/validation/common";
import { createWebhookSchema, updateWebhookSchema, type CreateWebhookInput, type UpdateWebhookInput } from "@/lib/validation/webhook";
import { auditedEndpoint, viewEndpoint, type WebhookEndpointView } from "./endpoint-view";
import { generateSigningSecret, sealSecret } from "./signing-secret";

type EndpointRef = { programId: string; endpointId: string };

/** Authorizes before any input is validated: a caller without webhooks:manage learns nothing. */
export async function loadWebhookProgram(db: Executor, actor: Actor, programId: unknown): Promise<ProgramRow> {
  return authorizeProgram(db, actor, "webhooks:manage", programId);
}

/** Registers an endpoint; the signing secret is in the result only (shown once), stored sealed. */
export async function createWebhookEndpoint(db: Executor, actor: Actor, input: CreateWebhookInput, now = new Date()): Promise<WebhookEndpointView & { secret: string }> {
  const program = await loadWebhookProgram(db, actor, input.programId);
  const data = parseInput(createWebhookSchema, input);
  const { secret, hint } = generateSigningSecret();
  return db.transaction(async (tx) => {
    const row = await insertWebhookEndpoint(tx, {
      programId: program.id,
      url: data.url,
      description: data.description || null,
      events: data.events,
      secretEncrypted: sealSecret(secret),
      secretHint: hint,
      createdBy: actor.kind === "user" ? actor.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, { program, action: "webhook.create", targetType: "webhook_endpoint", targetId: row.id, after: auditedEndpoint(row) });
    return { ...viewEndpoint(row), secret };
  });
}

/** Runs one audited change on an endpoint of the program, under its row lock. */
async function changeEndpoint(
  db: Executor,
  actor: Actor,
  ref: EndpointRef,
  action: string,
  change: (tx: Executor, row: WebhookEndpointRow) => Promise<WebhookEndpointRow | undefined | null>,
): Promise<WebhookEndpointRow> {
  const program = await loadWebhookProgram(db, actor, ref.programId);
  const endpointId = parseInput(idSchema, ref.endpointId);
  return db.transaction(async (tx) => {
    const before = await getWebhookEndpoint(tx, { programId: program.id, endpointId, lock: true });
    if (!before) throw new NotFoundError("webhook endpoint", endpointId);
    // null: the endpoint is gone (deleted).
    const after = await change(tx, before);
    await recordAudit(tx, actor, { program, action, targetType: "webhook_endpoint", targetId: endpointId, before: auditedEndpoint(before), after: after ? auditedEndpoint(after) : null });
    return after ?? before;
  });
}

export async function updateWebhookEndpoint(db: Executor, actor: Actor, input: UpdateWebhookInput, now = new Date()): Promise<WebhookEndpointView> {
  await loadWebhookProgram(db, actor, input.programId);
  const data = parseInput(updateWebhookSchema, input);
  const row = await changeEndpoint(db, actor, data, "webhook.update", (tx, before) =>
    updateRow(tx, { ...data, now }, { events: data.events, description: data.description === undefined ? before.description : data.description || null }),
  );
  return viewEndpoint(row);
}

/** Enabling starts over with a clean failure record; disabling stops deliveries (pending ones wait). */
export async function setWebhookEndpointStatus(db: Executor, actor: Actor, input: EndpointRef & { status: "active" | "disabled" }, now = new Date()): Promise<WebhookEndpointView> {
  const active = input.status === "active";
  const row = await changeEndpoint(db, actor, input, active ? "webhook.enable" : "webhook.disable", (tx) =>
    updateRow(tx, { ...input, now }, active
      ? { status: "active", disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null }
      : { status: "disabled", disabledReason: "manual", disabledAt: now }),
  );
  return viewEndpoint(row);
}

/** A new secret replaces the old one at once; the result carries it (shown once). */
export async function rotateWebhookSecret(db: Executor, actor: Actor, input: EndpointRef, now = new Date()): Promise<WebhookEndpointView & { secret: string }> {
  const { secret, hint } = generateSigningSecret();
  const row = await changeEndpoint(db, actor, input, "webhook.rotate_secret", (tx) => updateRow(tx, { ...input, now }, { secretEncrypted: sealSecret(secret), secretHint: hint }));
  return { ...viewEndpoint(row), secret };
}

export async function deleteWebhookEndpoint(db: Executor, actor: Actor, input: EndpointRef): Promise<void> {
  await changeEndpoint(db, actor, input, "webhook.delete", async (tx) => {
    await deleteRow(tx, input);
    return null;
  });
}
