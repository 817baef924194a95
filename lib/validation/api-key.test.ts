import { describe, expect, it } from "vitest";
import { API_SCOPES } from "@/lib/auth/permissions";
import { createApiKeySchema } from "./api-key";

const base = { programId: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", name: "POS" };

describe("createApiKeySchema", () => {
  it("gives every scope and no own rate limit by default", () => {
    expect(createApiKeySchema.parse(base)).toEqual({ ...base, scopes: [...API_SCOPES] });
  });

  it.each([1, 30, 1_000_000])("accepts a rate limit of %d requests a minute", (rateLimitPerMinute) => {
    expect(createApiKeySchema.parse({ ...base, rateLimitPerMinute }).rateLimitPerMinute).toBe(rateLimitPerMinute);
  });

  it.each([0, -5, 1.5, 1_000_001, Number.NaN, "30"])("refuses a rate limit of %s with one clear message", (rateLimitPerMinute) => {
    const result = createApiKeySchema.safeParse({ ...base, rateLimitPerMinute });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["rateLimitPerMinute", "The rate limit is a whole number of requests a minute, from 1 to 1,000,000."]]);
  });
});
