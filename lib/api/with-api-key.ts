import "server-only";
import { NextResponse } from "next/server";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { ApiScope } from "@/lib/auth/permissions";
import { rateLimitHeaders, type RateDecision } from "@/lib/domain/api/rate-window";
import { ForbiddenError, isLazoError, LazoError, RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { authenticateApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { consumeApiQuota } from "@/lib/services/api/consume-api-quota";
import { runIdempotentRequest, type StoredResponse } from "@/lib/services/api/idempotent-request";
import { problemFromError } from "./problem";

import { MAX_BODY_BYTES } from "./limits";

export { MAX_BODY_BYTES };

export type ApiContext<P> = {
  db: Executor;
  actor: Extract<Actor, { kind: "api_key" }>;
  body: unknown;
  params: P;
  url: URL;
  /** The request's Idempotency-Key (POST always has one), for services that keep their own keys. */
  idempotencyKey?: string;
};
type Handler<P> = (ctx: ApiContext<P>) => Promise<StoredResponse>;

/**
 * The one wrapper every /api/v1 route goes through: bearer key → program,
 * per-key rate limit (RateLimit headers on every answer), scope, body limit and
 * JSON parsing, Idempotency-Key on every POST (replays return the first
 * answer), and errors as problem+json with stable codes.
 * `scope` is the scope a route needs, or a list of which any one is enough (reading the catalog);
 * `maxBodyBytes` raises the body limit for bulk routes (the product upsert).
 */
export function withApiKey<P = Record<string, never>>(options: { scope: ApiScope | readonly ApiScope[]; maxBodyBytes?: number }, handler: Handler<P>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    let quota: RateDecision | undefined;
    try {
      const db = await getAppDb();
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
      if (!bearer) throw new UnauthorizedError("Send an API key: Authorization: Bearer <key>.");
      const { rateLimitPerMinute, ...actor } = await authenticateApiKey(db, bearer);
      quota = await consumeApiQuota(db, { keyId: actor.keyId, limit: rateLimitPerMinute });
      if (!quota.allowed) throw new RateLimitedError(quota.resetSeconds, `This API key is limited to ${quota.limit} requests a minute. Retry in ${quota.resetSeconds} seconds.`);
      const accepted: readonly ApiScope[] = typeof options.scope === "string" ? [options.scope] : options.scope;
      if (!accepted.some((s) => actor.scopes.includes(s))) throw new ForbiddenError(accepted.join(" | "), `This API key lacks the ${accepted.join(" or ")} scope.`);
      const url = new URL(request.url);
      const params = await route.params;
      if (request.method === "GET") return toResponse(await handler({ db, actor, body: undefined, params, url }), false, quota);
      const body = await readJson(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
      const idempotencyKey = request.headers.get("idempotency-key")?.trim() || undefined;
      if (idempotencyKey && idempotencyKey.length > 255) throw new LazoError("idempotency_key_required", "The Idempotency-Key header is limited to 255 characters.", 400);
      // PATCH and DELETE are idempotent by nature: the key is optional there, and honoured when sent.
      if (!idempotencyKey && (request.method === "PATCH" || request.method === "DELETE")) return toResponse(await answer(handler, { db, actor, body, params, url }), false, quota);
      if (!idempotencyKey) throw new LazoError("idempotency_key_required", "Every POST needs an Idempotency-Key header (1–255 characters).", 400);
      const result = await runIdempotentRequest(db, { programId: actor.programId, keyId: actor.keyId, idempotencyKey, method: request.method, path: url.pathname, body }, () =>
        answer(handler, { db, actor, body, params, url, idempotencyKey }),
      );
      return toResponse(result, result.replayed, quota);
    } catch (error) {
      const response = problemFromError(error);
      if (quota) for (const [name, value] of Object.entries(rateLimitHeaders(quota))) response.headers.set(name, value);
      return response;
    }
  };
}

/** Runs the handler; a refusal is an answer too, so a replay gets the same refusal. */
async function answer<P>(handler: Handler<P>, ctx: ApiContext<P>): Promise<StoredResponse> {
  try {
    return await handler(ctx);
  } catch (error) {
    if (isLazoError(error) && error.status < 500) return { status: error.status, body: await problemFromError(error).json() };
    throw error;
  }
}

function toResponse(result: StoredResponse, replayed: boolean, quota: RateDecision): Response {
  const headers: Record<string, string> = { ...rateLimitHeaders(quota), ...(result.status >= 400 ? { "Content-Type": "application/problem+json" } : {}) };
  if (replayed) headers["Idempotent-Replayed"] = "true";
  return NextResponse.json(result.body, { status: result.status, headers });
}

async function readJson(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw new LazoError("payload_too_large", `Bodies are limited to ${limit / 1024} KB.`, 413);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw new LazoError("payload_too_large", `Bodies are limited to ${limit / 1024} KB.`, 413);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new LazoError("invalid_json", "The body is not valid JSON.", 400);
  }
}
