/**
 * What the counter's data-returning actions answer: the data, or a refusal
 * with its stable code, a translated message and translated field messages.
 */
export type DeskActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };
