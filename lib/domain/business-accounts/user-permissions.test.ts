import { describe, expect, it } from "vitest";
import { checkPoolRedemption, remainingLimit, roleAllows, type BusinessAction, type BusinessUserRole } from "./user-permissions";

describe("roleAllows", () => {
  it.each<[BusinessUserRole, BusinessAction, boolean]>([
    ["earn", "earn", true],
    ["earn", "redeem", false],
    ["earn", "manage", false],
    ["redeem", "redeem", true],
    ["redeem", "manage", false],
    ["manage", "earn", true],
    ["manage", "redeem", true],
    ["manage", "manage", true],
  ])("a %s user may %s: %s", (role, action, allowed) => {
    expect(roleAllows(role, action)).toBe(allowed);
  });
});

describe("remainingLimit", () => {
  it.each<[number | null, number, number | null]>([
    [null, 5000, null],
    [1000, 0, 1000],
    [1000, 400, 600],
    [1000, 1200, 0],
  ])("limit %s after %s redeemed leaves %s", (limit, redeemed, remaining) => {
    expect(remainingLimit(limit, redeemed)).toBe(remaining);
  });
});

describe("checkPoolRedemption", () => {
  it("refuses an earn-only user whatever the amount", () => {
    expect(checkPoolRedemption({ role: "earn", monthlyLimit: null, redeemedThisMonth: 0, points: 1 })).toEqual({ allowed: false, code: "permission_denied" });
  });

  it("lets a redeemer spend exactly up to the limit", () => {
    expect(checkPoolRedemption({ role: "redeem", monthlyLimit: 500, redeemedThisMonth: 300, points: 200 })).toEqual({ allowed: true });
  });

  it("refuses one point above the limit and says how much is left", () => {
    expect(checkPoolRedemption({ role: "redeem", monthlyLimit: 500, redeemedThisMonth: 300, points: 201 })).toEqual({ allowed: false, code: "redemption_limit_exceeded", remaining: 200 });
  });

  it("has no ceiling without a limit", () => {
    expect(checkPoolRedemption({ role: "manage", monthlyLimit: null, redeemedThisMonth: 10_000, points: 99_999 })).toEqual({ allowed: true });
  });
});
