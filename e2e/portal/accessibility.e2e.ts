import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { signInAsMember } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

// Every portal page, on a phone, in both languages: axe-core finds no serious or critical violation.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

type Fixtures = { api: { key: string } };
const apiKey = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures).api.key;

const SIGNED_OUT = ["/me/sign-in", "/me/join", "/me/verify?email=nadie%40example.com"];
// Each page with what shows once its data is in, so axe sees the page as the member does.
const SIGNED_IN: [path: string, ready: string][] = [
  ["/me", "points-available"],
  ["/me/card", "card-qr"],
  ["/me/history", "history-entry"],
  ["/me/rewards", "reward-offer"],
  ["/me/coupons", "my-coupon"],
  // This member has no messages yet: the empty inbox (e2e/portal/inbox.e2e.ts checks a full one with axe too).
  ["/me/inbox", "main"],
  ["/me/privacy", "main"],
];

for (const locale of ["es", "en"] as const) {
  test(`every portal page is accessible (${locale})`, async ({ page, browser, context, baseURL, request }) => {
    test.slow(); // nine pages, each checked by axe
    const run = `${locale}-${Date.now().toString(36)}`;
    const email = `a11y.${run}@example.com`;
    const headers = { Authorization: `Bearer ${apiKey()}` };

    // A member with something on every page: a purchase in the history and a coupon in "My coupons".
    const joined = await request.post("/api/v1/members", {
      headers: { ...headers, "Idempotency-Key": `a11y-member-${run}` },
      data: { externalId: `A11Y-${run}`, email, name: "Ada Accesible", consents: { terms: true } },
    });
    expect(joined.status()).toBe(201);
    const { id: memberId } = (await joined.json()) as { id: string };
    const bought = await request.post("/api/v1/purchases", {
      headers: { ...headers, "Idempotency-Key": `a11y-purchase-${run}` },
      data: { memberId, orderId: `A11Y-${run}`, amount: 300, currency: "USD", channel: "pos" },
    });
    expect(bought.status()).toBe(201);
    const rewards = (await (await request.get(`/api/v1/rewards?memberId=${memberId}`, { headers })).json()) as { data: { id: string; pointsPrice: number }[] };
    const affordable = rewards.data.find((r) => r.pointsPrice <= 100);
    expect(affordable, "a reward the new member can afford").toBeTruthy();
    const redeemed = await request.post("/api/v1/redemptions", {
      headers: { ...headers, "Idempotency-Key": `a11y-redeem-${run}` },
      data: { memberId, rewardId: affordable!.id },
    });
    expect(redeemed.status()).toBe(201);

    await setLocaleCookie(context, baseURL, locale);
    for (const path of SIGNED_OUT) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      await test.step(path, () => expectNoSeriousA11yViolations(page));
    }

    await signInAsMember(page, browser, email);
    for (const [path, ready] of SIGNED_IN) {
      await page.goto(path);
      await expect(ready === "main" ? page.locator("main") : page.getByTestId(ready).first()).toBeVisible();
      await test.step(path, () => expectNoSeriousA11yViolations(page));
    }
  });
}
