import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { fixtures } from "../api/api-client";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

const SCREENS = "test-results/screens/api";

test.describe("Console → Developers → API reference", () => {
  test("lists every endpoint by tag and sends a real request with a pasted key", async ({ page }) => {
    await signInAsUser(page, DEMO.analyst, undefined, "/console/developers/reference");
    await expect(page.getByRole("heading", { name: "Referencia de la API", level: 1 })).toBeVisible();
    await expect(page.getByTestId("api-tag")).toHaveCount(10);
    const refunds = page.getByTestId("api-operation").filter({ hasText: "/api/v1/refunds" });
    await expect(refunds).toContainText("points:earn");
    await expect(refunds).toContainText("refund_exceeds_purchase");

    await page.getByTestId("api-operation").filter({ hasText: "/api/v1/members/{id}/history" }).getByTestId("try-link").click();
    const tryIt = page.getByTestId("try-it");
    await expect(tryIt.getByLabel("Endpoint")).toHaveValue(/history/);
    await tryIt.getByLabel("Llave de API").fill(fixtures().api.key);
    await tryIt.getByLabel("Ruta").fill(`/api/v1/members/${fixtures().members.a.id}/history`);
    await tryIt.getByLabel("Consulta (opcional)").fill("limit=2");
    await tryIt.getByTestId("try-send").click();
    await expect(tryIt.getByTestId("try-status")).toHaveText("200");
    await expect(tryIt.getByTestId("try-response")).toContainText("ratelimit-remaining");
    await expect(tryIt.getByTestId("try-body-out")).toContainText('"nextCursor"');
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/reference-es.png`, fullPage: false });

    await tryIt.getByLabel("Endpoint").selectOption({ label: "POST /api/v1/refunds" });
    await tryIt.getByTestId("try-send").click();
    await expect(tryIt.getByTestId("try-status")).toHaveText("404");
    await expect(tryIt.getByTestId("try-body-out")).toContainText("purchase_not_found");
  });

  test("reads in English too", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/developers/reference");
    await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
    await expect(page.getByTestId("try-it")).toContainText("No request sent yet.");
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/reference-en.png`, fullPage: false });
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByTestId("api-operation").filter({ hasText: "/api/v1/refunds" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/reference-en-wide.png`, fullPage: false });
  });
});
