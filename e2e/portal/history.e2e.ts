import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAsMember } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

// Members read their history on the phone: tested at a phone's size.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

// scripts/e2e-setup.ts: Hugo has a purchase (store X, order E2E-H-0001, 450 base points), 22 bonuses "Bono Hugo n",
// a redemption "Canje Hugo" and an adjustment "Corrección Hugo" — 25 entries, more than one page of 20.
const SHOTS = "test-results/screens/members";
const HUGO = "member-h@e2e.example";
const CARLA = "member-c@e2e.example";

async function openHistory(page: Page) {
  await page.getByTestId("history-link").click();
  await page.waitForURL(/\/me\/history$/);
  await expect(page.getByTestId("history-list")).toBeVisible();
}

// Both Hugo tests ask for a code for the same address: one after the other, or they would read each other's code.
test.describe.configure({ mode: "serial" });

test("a member reads their explained history, filters it, loads more and downloads it", async ({ page, browser, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
  await signInAsMember(page, browser, HUGO);
  await openHistory(page);
  await expect(page.getByRole("heading", { level: 1, name: "Mi historial" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/portal-history-es.png`, fullPage: true });

  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(20);
  // Newest first, with their reasons in words.
  await expect(page.getByTestId("history-list")).toContainText("Motivo: Corrección Hugo");
  await expect(page.getByTestId("history-list")).toContainText("Canje");

  await page.getByTestId("history-load-more").click();
  await expect(entries).toHaveCount(25);
  await expect(entries.filter({ hasText: "Bono Hugo 1" }).first()).toBeVisible();
  const purchase = entries.filter({ hasText: "Ticket E2E-H-0001" });
  await expect(purchase).toContainText("Compra");
  await expect(purchase).toContainText("Tienda: Centro Histórico");
  await expect(purchase).toContainText("Puntos base +450");
  await expect(purchase).toContainText(/Vencen el/);
  await expect(purchase.getByTestId("history-entry-points")).toHaveText("+450");
  await purchase.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/portal-history-purchase-es.png` });
  await expect(page.getByText("Eso es todo tu historial.")).toBeVisible();

  const filters = page.getByTestId("history-filters");
  await filters.getByRole("button", { name: "Canjeados" }).click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("Motivo: Canje Hugo");
  await expect(entries.first().getByTestId("history-entry-points")).toHaveText("−50");
  await filters.getByRole("button", { name: "Vencidos" }).click();
  await expect(page.getByText("No tienes movimientos de este tipo.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/portal-history-empty-filter-es.png` });
  await filters.getByRole("button", { name: "Ajustes" }).click();
  await expect(entries.filter({ hasText: "Corrección Hugo" })).toHaveCount(1);
  // Back to all: the pages already loaded are still there.
  await filters.getByRole("button", { name: "Todos" }).click();
  await expect(entries).toHaveCount(25);

  const download = page.waitForEvent("download");
  await page.getByTestId("history-export").click();
  const csv = await readFile((await (await download).path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("Fecha,Movimiento,Puntos,Detalle,N.º de movimiento");
  expect(lines.length).toBeGreaterThanOrEqual(26);
  expect(csv).toContain("Bono Hugo 22");
  expect(csv).toContain("Ticket E2E-H-0001");
});

test("the history speaks English", async ({ page, browser, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "en");
  await signInAsMember(page, browser, HUGO);
  await openHistory(page);
  await expect(page.getByRole("heading", { level: 1, name: "My history" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/portal-history-en.png`, fullPage: true });
  await page.getByTestId("history-filters").getByRole("button", { name: "Redeemed" }).click();
  await expect(page.getByTestId("history-entry")).toHaveCount(1);
  await expect(page.getByTestId("history-entry").first()).toContainText("Redemption");
  await expect(page.getByTestId("history-entry").first()).toContainText("Reason: Canje Hugo");
});

test("member A never sees member B's entries, on the page, through the data route or in the CSV", async ({ page, browser, context, baseURL }) => {
  await setLocaleCookie(context, baseURL, "es");
  await signInAsMember(page, browser, CARLA);
  await openHistory(page);
  await expect(page.getByTestId("history-entry")).toHaveCount(1);
  await expect(page.getByTestId("history-list")).toContainText("Bienvenida e2e");
  await expect(page.locator("main")).not.toContainText("Hugo");
  await page.screenshot({ path: `${SHOTS}/portal-history-one-entry-es.png`, fullPage: true });

  const data = (await (await page.request.get("/me/history/entries?filter=adjustments&before=999999999")).json()) as { entries: unknown[] };
  expect(JSON.stringify(data)).not.toContain("Hugo");
  const csv = await (await page.request.get("/me/history/export")).text();
  expect(csv).toContain("Bienvenida e2e");
  expect(csv).not.toContain("Hugo");
  expect(csv.replace(/^\uFEFF/, "").trim().split("\r\n")).toHaveLength(2);
});
