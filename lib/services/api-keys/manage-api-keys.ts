import { findActiveApiKeyByHash, insertApiKey, listApiKeys as listRows, revokeApiKey as revokeRow, touchApiKey } from "@/db/queries/api-keys";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { generateApiKey, hashApiKey, looksLikeApiKey } from "@/lib/auth/api-key-secret";
import type { ApiScope } from "@/lib/auth/permissions";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { createApiKeySchema, revokeApiKeySchema, type CreateApiKeyInput } from "@/lib/validation/api-key";
import { recordAudit } from "@/lib/services/audit/record-audit";

/** `rateLimitPerMinute` null: the key follows the server's LAZO_API_RATE_LIMIT. */
export type ApiKeySummary = { id: string; name: string; prefix: string; scopes: string[]; rateLimitPerMinute: number | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

function summarize(row: { id: string; name: string; prefix: string; scopes: string[]; rateLimitPerMinute: number | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}


/** Creates a key; the secret is in the result only, never stored or logged. */
export async function createApiKey(db: Executor, actor: Actor, input: CreateApiKeyInput): Promise<ApiKeySummary & { key: string }> {
  const program = await authorizeProgram(db, actor, "keys:manage", input.programId);
  const data = parseInput(createApiKeySchema, input);
  const { key, prefix, secretHash } = generateApiKey();
  return db.transaction(async (tx) => {
    const row = await insertApiKey(tx, {
      programId: program.id,
      name: data.name,
      prefix,
      secretHash,
      scopes: data.scopes,
      rateLimitPerMinute: data.rateLimitPerMinute ?? null,
      createdBy: actor.kind === "user" ? actor.userId : null,
    });
    await recordAudit(tx, actor, { program, action: "api_key.create", targetType: "api_key", targetId: row.id, after: { name: row.name, prefix, scopes: row.scopes, rateLimitPerMinute: row.rateLimitPerMinute } });
    return { ...summarize(row), key };
  });
}

export async function listApiKeys(db: Executor, actor: Actor, input: { programId: string }): Promise<ApiKeySummary[]> {
  const program = await authorizeProgram(db, actor, "keys:manage", input.programId);
  return (await listRows(db, program.id)).map(summarize);
}

export async function revokeApiKey(db: Executor, actor: Actor, input: { programId: string; keyId: string }, now = new Date()): Promise<ApiKeySummary> {
  const program = await authorizeProgram(db, actor, "keys:manage", input.programId);
  const { keyId } = parseInput(revokeApiKeySchema, input);
  return db.transaction(async (tx) => {
    const row = await revokeRow(tx, { programId: program.id, keyId, now });
    if (!row) throw new NotFoundError("api key", keyId);
    await recordAudit(tx, actor, { program, action: "api_key.revoke", targetType: "api_key", targetId: row.id, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } });
    return summarize(row);
  });
}

/** Resolves a bearer key to its actor; unknown, malformed and revoked keys are all just "unauthorized". */
export async function authenticateApiKey(db: Executor, key: string, now = new Date()): Promise<Extract<Actor, { kind: "api_key" }> & { rateLimitPerMinute: number | null }> {
  if (!looksLikeApiKey(key)) throw new UnauthorizedError("Invalid API key.");
  const row = await findActiveApiKeyByHash(db, hashApiKey(key));
  if (!row) throw new UnauthorizedError("Invalid API key.");
  // Last-used is informative: a minute of precision is enough, and it saves a write per request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) await touchApiKey(db, { programId: row.programId, keyId: row.id, now });
  return { kind: "api_key", programId: row.programId, keyId: row.id, scopes: row.scopes as ApiScope[], rateLimitPerMinute: row.rateLimitPerMinute };
}
