import { describe, expect, it } from "vitest";
import { authorize, can, storesOf, type Actor, type Grant } from "./actor";

const P = { id: "p", organizationId: "org" };
const Q = { id: "q", organizationId: "org" };
const R = { id: "r", organizationId: "other-org" };
const user = (...grants: Partial<Grant>[]): Actor => ({
  kind: "user",
  userId: "u",
  email: "u@example.com",
  grants: grants.map((g) => ({ organizationId: "org", programId: "p", role: "staff", storeIds: [], extraPermissions: [], ...g })),
});

describe("can", () => {
  it.each([
    ["owner of the organization", user({ role: "owner", programId: null }), "keys:manage", P, true],
    ["owner of the organization, sister program", user({ role: "owner", programId: null }), "plans:write", Q, true],
    ["owner, another organization", user({ role: "owner", programId: null }), "plans:read", R, false],
    ["marketer", user({ role: "marketer" }), "plans:write", P, true],
    ["marketer, other program", user({ role: "marketer" }), "plans:read", Q, false],
    ["marketer adjusting points", user({ role: "marketer" }), "points:adjust", P, false],
    ["analyst writing", user({ role: "analyst" }), "rewards:write", P, false],
    ["analyst exporting", user({ role: "analyst" }), "exports:read", P, true],
    ["staff earning", user({ role: "staff" }), "points:earn", P, true],
    ["staff adjusting", user({ role: "staff" }), "points:adjust", P, false],
    ["staff lead adjusting", user({ role: "staff", extraPermissions: ["points:adjust"] }), "points:adjust", P, true],
    ["staff reading plans", user({ role: "staff" }), "plans:read", P, false],
  ] as const)("%s: %s → %s", (_, actor, permission, program, expected) => {
    expect(can(actor, permission, program)).toBe(expected);
  });

  it("binds staff to their stores", () => {
    const staff = user({ role: "staff", storeIds: ["s1"] });
    expect(can(staff, "points:earn", P, "s1")).toBe(true);
    expect(can(staff, "points:earn", P, "s2")).toBe(false);
    expect(storesOf(staff, P)).toEqual(["s1"]);
    expect(storesOf(user({ role: "admin" }), P)).toBe("all");
  });

  it("checks API key scopes within the key's program only", () => {
    const key: Actor = { kind: "api_key", programId: "p", keyId: "k", scopes: ["points:earn"] };
    expect(can(key, "points:earn", P)).toBe(true);
    expect(can(key, "points:redeem", P)).toBe(false);
    expect(can(key, "points:earn", Q)).toBe(false);
  });
});

describe("authorize", () => {
  it("answers not_found to outsiders and forbidden to insiders without the permission", () => {
    expect(() => authorize(user({ role: "marketer" }), "plans:read", Q)).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => authorize(user({ role: "analyst" }), "plans:write", P)).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => authorize({ kind: "member", programId: "p", memberId: "m" }, "plans:read", P)).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => authorize({ kind: "system", label: "cli" }, "keys:manage", P)).not.toThrow();
  });
});
