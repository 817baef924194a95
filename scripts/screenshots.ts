/**
 * Saves PNGs of each surface in Spanish and English for visual review.
 *   npx tsx scripts/screenshots.ts http://127.0.0.1:3200 [outDir]
 * Needs a running server; uses Debian's Chromium (no browser downloads here).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

type Shot = {
  name: string;
  path: string;
  viewport: { width: number; height: number };
  mobile?: boolean;
  /** Steps after loading, e.g. picking a store. */
  prepare?: (page: Page) => Promise<void>;
};

const phone = { width: 390, height: 844 };

const shots: Shot[] = [
  { name: "landing", path: "/", viewport: { width: 1440, height: 900 } },
  { name: "console", path: "/console", viewport: { width: 1440, height: 900 } },
  { name: "portal", path: "/me", viewport: phone, mobile: true },
  { name: "staff", path: "/staff", viewport: { width: 1180, height: 820 } },
  {
    name: "staff-store",
    path: "/staff",
    viewport: { width: 1180, height: 820 },
    prepare: async (page) => {
      await page.locator('[data-testid="store-picker"] a').first().click();
      await page.waitForURL(/store=/);
    },
  },
  { name: "not-found", path: "/this-page-does-not-exist", viewport: { width: 1280, height: 800 } },
];

const locales = ["es", "en"] as const;

async function capture(browser: Browser, baseUrl: string, outDir: string, shot: Shot, locale: string) {
  const context = await browser.newContext({
    viewport: shot.viewport,
    deviceScaleFactor: shot.mobile ? 2 : 1,
    isMobile: shot.mobile ?? false,
    hasTouch: shot.mobile ?? false,
  });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseUrl }]);
  const page = await context.newPage();
  await page.goto(new URL(shot.path, baseUrl).toString(), { waitUntil: "networkidle", timeout: 120_000 });
  await shot.prepare?.(page);
  const file = path.join(outDir, `${shot.name}-${locale}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`saved ${file}`);
  if (shot.mobile) {
    // Full-page captures smear fixed bars (the tab bar) mid-page; keep the real first screen too.
    const screenFile = path.join(outDir, `${shot.name}-${locale}-screen.png`);
    await page.screenshot({ path: screenFile });
    console.log(`saved ${screenFile}`);
  }
  await context.close();
}

async function main() {
  const baseUrl = process.argv[2];
  if (!baseUrl) {
    console.error("usage: tsx scripts/screenshots.ts <server-url> [out-dir]");
    process.exit(2);
  }
  const outDir = path.resolve(process.argv[3] ?? "screenshots");
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  try {
    for (const shot of shots) {
      for (const locale of locales) await capture(browser, baseUrl, outDir, shot, locale);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
