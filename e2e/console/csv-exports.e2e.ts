import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

const SHOTS = "test-results/screens/csv-exports";

/** Clicks a download button and reads the file as a spreadsheet would: BOM kept, CRLF lines. */
async function downloadCsv(page: Page, testId: string): Promise<{ name: string; bom: boolean; lines: string[] }> {
  const download = page.waitForEvent("download");
  await page.getByTestId(testId).click();
  const file = await download;
  const text = fs.readFileSync((await file.path())!, "utf8");
  return { name: file.suggestedFilename(), bom: text.startsWith("\uFEFF"), lines: text.replace(/^\uFEFF/, "").trimEnd().split("\r\n") };
}

test.describe("CSV downloads of console lists", () => {
  test("the analyst downloads the members and rewards lists, in Spanish", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.analyst, undefined, "/console/members");
    const button = page.getByTestId("members-csv");
    await expect(button).toHaveText("Descargar CSV");
    await page.screenshot({ path: `${SHOTS}/members-es.png` });

    const members = await downloadCsv(page, "members-csv");
    expect(members.name).toMatch(/^members-.+-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(members.bom).toBe(true);
    expect(members.lines[0]).toBe("member_id,card_number,external_id,name,email,phone,city,tier,status,enrolment_channel,enrolled_at,consent_marketing,points_available,points_pending,points_lifetime_earned");
    const hugo = members.lines.find((line) => line.includes("Hugo Historia"));
    expect(hugo).toBeDefined();
    expect(hugo).toMatch(/^[0-9a-f-]{36},\d+,e2e-h,Hugo Historia,/);
    expect(members.lines.length).toBeGreaterThan(100);

    await page.goto("/console/rewards");
    await expect(page.getByTestId("rewards-csv")).toHaveText("Descargar CSV");
    const rewards = await downloadCsv(page, "rewards-csv");
    expect(rewards.lines[0]).toBe("reward_id,name_es,name_en,kind,status,points_price,currency,discount_amount_minor,discount_percent,stock,per_member_limit,coupon_valid_days,valid_from,valid_until,target_sku,target_category");
    expect(rewards.lines.find((line) => line.includes(",$5 de descuento,$5 off,"))).toMatch(/,amount_discount,\w+,100,\w{3},500,,/);
  });

  test("the buttons speak English too", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await signInAsUser(page, DEMO.analyst, undefined, "/console/campaigns");
    await expect(page.getByTestId("campaigns-csv")).toHaveText("Download CSV");
    await page.goto("/console/segments");
    await expect(page.getByTestId("segments-csv")).toHaveText("Download CSV");
    await page.screenshot({ path: `${SHOTS}/segments-en.png` });
  });

  test("store staff cannot download them", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.staff);
    for (const path of ["/console/members/export", "/console/rewards/export"]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
      expect(await response.text()).not.toContain("member_id");
    }
  });
});
