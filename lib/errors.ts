/**
 * Typed errors shared by services, actions, the API and the CLI. Each carries a
 * stable `code` (the API's problem+json code) and the HTTP status it maps to.
 */
export type FieldErrors = Record<string, string[]>;

export class LazoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends LazoError {
  constructor(readonly fields: FieldErrors, message = "The request is not valid.") {
    super("validation_failed", message, 422, { fields });
  }
}

export class NotFoundError extends LazoError {
  constructor(readonly resource: string, id?: string) {
    super("not_found", `${resource} not found${id ? `: ${id}` : ""}.`, 404, { resource });
  }
}

export class InsufficientPointsError extends LazoError {
  constructor(readonly requested: number, readonly available: number) {
    super("insufficient_points", `Insufficient points: ${requested} requested, ${available} available.`, 422, { requested, available });
  }
}

export class IdempotencyConflictError extends LazoError {
  constructor(readonly key: string) {
    super("idempotency_conflict", `Idempotency key "${key}" was already used with a different request.`, 409, { key });
  }
}

export class ConflictError extends LazoError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 409, details);
  }
}

/** A well-formed request that the current state cannot honour (422). */
export class UnprocessableError extends LazoError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 422, details);
  }
}

export function isLazoError(error: unknown): error is LazoError {
  return error instanceof LazoError;
}

export class UnauthorizedError extends LazoError {
  constructor(message = "Sign in or provide a valid API key.") {
    super("unauthorized", message, 401);
  }
}

/** Known to the actor but not allowed. (Another program's data is a NotFoundError instead: it must not leak.) */
export class ForbiddenError extends LazoError {
  constructor(readonly permission: string, message = `Missing permission ${permission}.`) {
    super("forbidden", message, 403, { permission });
  }
}

export class RateLimitedError extends LazoError {
  constructor(readonly retryAfterSeconds: number, message = "Too many attempts. Try again later.") {
    super("rate_limited", message, 429, { retryAfterSeconds });
  }
}
