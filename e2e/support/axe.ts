import path from "node:path";
import { expect, type Page } from "@playwright/test";

// Playwright runs from the repository root (like the route inventory), where node_modules is.
const AXE_PATH = path.resolve("node_modules/axe-core/axe.min.js");

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * Runs axe-core (injected from the installed package: @axe-core/playwright needs
 * a newer Node) on the page as it is and fails on serious or critical
 * violations, listing each rule with the elements it flagged.
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  // Next streams a page's metadata after its first bytes: wait for the <title> (a page without one still fails, here).
  await expect(page).toHaveTitle(/\S/);
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.impact} ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
