import type { WebhookEndpointRow } from "@/db/queries/webhook-endpoints";

/** What the console and the API show of an endpoint: never the secret, only its first characters. */
export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  status: "active" | "disabled";
  secretHint: string;
  consecutiveFailures: number;
  failingSince: string | null;
  disabledReason: string | null;
  disabledAt: string | null;
  createdAt: string;
};

export function viewEndpoint(row: WebhookEndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    status: row.status,
    secretHint: row.secretHint,
    consecutiveFailures: row.consecutiveFailures,
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The fields the audit log keeps of an endpoint, before and after a change. */
export function auditedEndpoint(row: WebhookEndpointRow) {
  return { url: row.url, description: row.description, events: row.events, status: row.status, secretHint: row.secretHint };
}
