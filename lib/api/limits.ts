/** The default API body limit (bulk routes raise their own). Kept apart from the wrapper so the OpenAPI module stays free of server-only code. */
export const MAX_BODY_BYTES = 64 * 1024;
