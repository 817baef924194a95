import "server-only";
import { NextResponse } from "next/server";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { ApiScope } from "@/lib/auth/permissions";
import { ForbiddenError, isLazoError, LazoError, UnauthorizedError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { authenticateApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { runIdempotentRequest, type StoredResponse } from "@/lib/services/api/idempotent-request";
import { problemFromError } from "./problem";

export const MAX_BODY_BYTES = 64 * 1024;

export type ApiContext<P> = { db: Executor; actor: Extract<Actor, { kind: "api_key" }>; body: unknown; params: P; url: URL };
type Handler<P> = (ctx: ApiContext<P>) => Promise<StoredResponse>;

/**
 * The one wrapper every /api/v1 route goes through: bearer key → program,
 * scope, body limit and JSON parsing, Idempotency-Key on every POST (replays
 * return the first answer), and errors as problem+json with stable codes.
 */
export function withApiKey<P = Record<string, never>>(options: { scope: ApiScope }, handler: Handler<P>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = await getAppDb();
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
      if (!bearer) throw new UnauthorizedError("Send an API key: Authorization: Bearer <key>.");
      const actor = await authenticateApiKey(db, bearer);
      if (!(actor.scopes as string[]).includes(options.scope)) throw new ForbiddenError(options.scope, `This API key lacks the ${options.scope} scope.`);
      const url = new URL(request.url);
      const params = await route.params;
      if (request.method === "GET") return toResponse(await handler({ db, actor, body: undefined, params, url }), false);
      const body = await readJson(request);
      const idempotencyKey = request.headers.get("idempotency-key")?.trim();
      if (!idempotencyKey || idempotencyKey.length > 255) throw new LazoError("idempotency_key_required", "Every POST needs an Idempotency-Key header (1–255 characters).", 400);
      const result = await runIdempotentRequest(db, { programId: actor.programId, keyId: actor.keyId, idempotencyKey, method: request.method, path: url.pathname, body }, async () => {
        try {
          return await handler({ db, actor, body, params, url });
        } catch (error) {
          // A refusal is an answer too: a replay gets the same refusal.
          if (isLazoError(error) && error.status < 500) return { status: error.status, body: await problemFromError(error).json() };
          throw error;
        }
      });
      return toResponse(result, result.replayed);
    } catch (error) {
      return problemFromError(error);
    }
  };
}

function toResponse(result: StoredResponse, replayed: boolean): Response {
  const headers: Record<string, string> = result.status >= 400 ? { "Content-Type": "application/problem+json" } : {};
  if (replayed) headers["Idempotent-Replayed"] = "true";
  return NextResponse.json(result.body, { status: result.status, headers });
}

async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new LazoError("payload_too_large", `Bodies are limited to ${MAX_BODY_BYTES / 1024} KB.`, 413);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new LazoError("payload_too_large", `Bodies are limited to ${MAX_BODY_BYTES / 1024} KB.`, 413);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new LazoError("invalid_json", "The body is not valid JSON.", 400);
  }
}
