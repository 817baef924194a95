import { isLazoError } from "@/lib/errors";

/**
 * What a data-returning server action (not a form) answers: the data, or the
 * stable code of a refusal. A refusal is an answer, not an exception: thrown
 * errors reach the client as an opaque 500.
 */
export type ActionResult<T> = ({ ok: true } & T) | { ok: false; code: string };

/** Turns a service refusal into an ActionResult; anything else (a bug) rethrows. */
export function refusal(error: unknown): { ok: false; code: string } {
  if (isLazoError(error) && error.status < 500) return { ok: false, code: error.code };
  throw error;
}
