import { describe, expect, it } from "vitest";
import { updateReferralSettingsSchema } from "./referrals";

const programId = "00000000-0000-4000-8000-000000000001";

describe("referral settings input", () => {
  it("reads form strings, an empty limit as none and money as minor units", () => {
    const parsed = updateReferralSettingsSchema(2).parse({ programId, referrerPoints: "100", refereePoints: "0", limitPerReferrer: "", minPurchase: "250.50" });
    expect(parsed).toEqual({ programId, referrerPoints: 100, refereePoints: 0, limitPerReferrer: null, minPurchaseMinor: 25_050 });
  });

  it.each([
    [{ referrerPoints: "-1" }, "referrerPoints"],
    [{ refereePoints: "1.5" }, "refereePoints"],
    [{ limitPerReferrer: "0" }, "limitPerReferrer"],
    [{ minPurchase: "abc" }, "minPurchase"],
    [{ minPurchase: "12.3456" }, "minPurchase"],
  ])("refuses %j in %s", (change, field) => {
    const result = updateReferralSettingsSchema(2).safeParse({ programId, referrerPoints: "1", refereePoints: "1", limitPerReferrer: "3", minPurchase: "0", ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});
