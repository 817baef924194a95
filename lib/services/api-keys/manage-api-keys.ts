import { findActiveApiKeyByHash, insertApiKey, listApiKeys as listRows, revokeApiKey as revokeRow, touchApiKey } from "@/db/queries/api-keys";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { generateApiKey, hashApiKey, looksLikeApiKey } from "@/lib/auth/api-key-secret";
import type { ApiScope } from "@/lib/auth/permissions";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/validation/api-key";
import { recordAudit } from "@/lib/services/audit/record-audit";

export type ApiKeySummary = { id: string; name: string; prefix: string; scopes: string[]; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

function summarize(row: { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

async function loadProgram(db: Executor, programId: string) {
  const program = await getProgramById(db, programId);
  if (!program) throw new NotFoundError("program", programId);
  return program;
}

/** Creates a key; the secret is in the result only, never stored or logged. */
export async function createApiKey(db: Executor, actor: Actor, input: CreateApiKeyInput): Promise<ApiKeySummary & { key: string }> {
  const data = parseInput(createApiKeySchema, input);
  const program = await loadProgram(db, data.programId);
  authorize(actor, "keys:manage", program);
  const { key, prefix, secretHash } = generateApiKey();
  return db.transaction(async (tx) => {
    const row = await insertApiKey(tx, {
      programId: program.id,
      name: data.name,
      prefix,
      secretHash,
      scopes: data.scopes,
      createdBy: actor.kind === "user" ? actor.userId : null,
    });
    await recordAudit(tx, actor, { program, action: "api_key.create", targetType: "api_key", targetId: row.id, after: { name: row.name, prefix, scopes: row.scopes } });
    return { ...summarize(row), key };
  });
}

export async function listApiKeys(db: Executor, actor: Actor, input: { programId: string }): Promise<ApiKeySummary[]> {
  const program = await loadProgram(db, input.programId);
  authorize(actor, "keys:manage", program);
  return (await listRows(db, program.id)).map(summarize);
}

export async function revokeApiKey(db: Executor, actor: Actor, input: { programId: string; keyId: string }, now = new Date()): Promise<ApiKeySummary> {
  const program = await loadProgram(db, input.programId);
  authorize(actor, "keys:manage", program);
  return db.transaction(async (tx) => {
    const row = await revokeRow(tx, { programId: program.id, keyId: input.keyId, now });
    if (!row) throw new NotFoundError("api key", input.keyId);
    await recordAudit(tx, actor, { program, action: "api_key.revoke", targetType: "api_key", targetId: row.id, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } });
    return summarize(row);
  });
}

/** Resolves a bearer key to its actor; unknown, malformed and revoked keys are all just "unauthorized". */
export async function authenticateApiKey(db: Executor, key: string, now = new Date()): Promise<Extract<Actor, { kind: "api_key" }>> {
  if (!looksLikeApiKey(key)) throw new UnauthorizedError("Invalid API key.");
  const row = await findActiveApiKeyByHash(db, hashApiKey(key));
  if (!row) throw new UnauthorizedError("Invalid API key.");
  // Last-used is informative: a minute of precision is enough, and it saves a write per request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) await touchApiKey(db, { programId: row.programId, keyId: row.id, now });
  return { kind: "api_key", programId: row.programId, keyId: row.id, scopes: row.scopes as ApiScope[] };
}
