import { NextResponse } from "next/server";
import { isLazoError } from "@/lib/errors";

/**
 * Errors as RFC 9457 problem details with a stable `code`. Lazo's typed errors
 * map to their own status; anything else is a 500 without internals (logged).
 */
export function problem(status: number, code: string, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(
    // The standard members come last: an error's details can add fields, never replace these.
    { ...extra, type: `https://lazo.dev/problems/${code}`, title, status, code },
    { status, headers: { "Content-Type": "application/problem+json", ...headers } },
  );
}

export function problemFromError(error: unknown): NextResponse {
  if (isLazoError(error)) {
    const { fields, ...rest } = (error.details ?? {}) as { fields?: Record<string, string[]> } & Record<string, unknown>;
    const retry: Record<string, string> = typeof rest.retryAfterSeconds === "number" ? { "Retry-After": String(rest.retryAfterSeconds) } : {};
    return problem(error.status, error.code, error.message, { detail: error.message, ...rest, ...(fields ? { errors: fields } : {}) }, retry);
  }
  console.error("Lazo API: unexpected error", error);
  return problem(500, "internal_error", "Something went wrong on our side.");
}
