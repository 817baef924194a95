import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { createApiKeyFromConsole } from "../support/admin";
import { DEMO, E2E_PASSWORD, signInAsMember, signInAsUser } from "../support/auth";

/** What one tenant or one member must never see of another (scripts/e2e-setup.ts makes them). */
test("member A sees only their own name and points, never member B's", async ({ page, browser }) => {
  await signInAsMember(page, browser, "member-a@e2e.example");
  const body = page.locator("main");
  await expect(body).toContainText("Alicia");
  await expect(body).toContainText("1,200");
  await expect(body).not.toContainText("Bruno");
});

test("a marketer of program Q works in Q and never sees program P", async ({ page }) => {
  await signInAsUser(page, "marketer-q@e2e.example", E2E_PASSWORD, "/console");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Café Rival");
  expect(await page.content()).not.toContain("Disquería Lazo");
});

test("an API key's secret never reaches the server log", async ({ page }) => {
  await signInAsUser(page, DEMO.admin, undefined, "/console/developers/api-keys");
  const secret = await createApiKeyFromConsole(page, `Log check ${Date.now().toString(36)}`);
  const response = await page.request.get("/api/v1/health", { headers: { Authorization: `Bearer ${secret}` } });
  expect(response.ok()).toBe(true);
  const log = fs.readFileSync("test-results/e2e-server.log", "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(secret);
  expect(log).not.toContain(secret.split("_").slice(2).join("_"));
});
