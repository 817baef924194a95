/**
 * Saves PNGs of each surface in Spanish and English for visual review.
 *   npx tsx scripts/screenshots.ts http://127.0.0.1:3200 [outDir] [name-filter]
 * Needs a running server seeded with LAZO_SEED=sample (shots sign in as the
 * demo users and a seeded member); uses Debian's Chromium (no browser downloads here).
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
  /** Sign in first: a demo user by email, or a seeded member (code read from the outbox as the admin). */
  as?: { user: string } | { member: string };
};

const DEMO_PASSWORD = "lazo-demo-2026";
const ADMIN = "admin@demo.lazo.example";
const desk = { width: 1440, height: 900 };

async function signInUser(page: Page, baseUrl: string, email: string) {
  await page.goto(new URL("/sign-in", baseUrl).toString());
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(DEMO_PASSWORD);
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 120_000 });
}

async function signInMember(browser: Browser, page: Page, baseUrl: string, email: string) {
  await page.goto(new URL("/me/sign-in", baseUrl).toString());
  await page.locator("#field-email").fill(email);
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL(/\/me\/verify/, { timeout: 120_000 });
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInUser(adminPage, baseUrl, ADMIN);
  await adminPage.goto(new URL("/console/settings/outbox", baseUrl).toString());
  const row = await adminPage.locator("li, tr, article").filter({ hasText: email }).first().innerText();
  await admin.close();
  const code = /\b(\d{6})\b/.exec(row)?.[1];
  if (!code) throw new Error(`no code for ${email} in the outbox`);
  await page.locator("#field-code").fill(code);
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL((url) => url.pathname === "/me", { timeout: 120_000 });
}

const phone = { width: 390, height: 844 };

const shots: Shot[] = [
  { name: "landing", path: "/", viewport: { width: 1440, height: 900 } },
  { name: "sign-in", path: "/sign-in", viewport: desk },
  {
    name: "sign-in-error",
    path: "/sign-in",
    viewport: phone,
    mobile: true,
    prepare: async (page) => {
      await page.locator("#field-email").fill("marketing@demo.lazo.example");
      await page.locator("#field-password").fill("wrong password");
      await page.locator("main form button[type=submit]").first().click();
      await page.getByTestId("form-message").waitFor();
    },
  },
  { name: "forgot-password", path: "/forgot-password", viewport: desk },
  { name: "reset-password", path: "/reset-password?token=screenshot-token-0123456789abcdef", viewport: desk },
  { name: "reset-password-missing", path: "/reset-password", viewport: desk },
  { name: "console", path: "/console", viewport: desk, as: { user: ADMIN } },
  {
    name: "console-user-menu",
    path: "/console",
    viewport: desk,
    as: { user: ADMIN },
    prepare: async (page) => {
      await page.getByTestId("user-menu").filter({ visible: true }).first().locator("summary").click();
    },
  },
  { name: "console-no-access", path: "/console", viewport: desk, as: { user: "staff@demo.lazo.example" } },
  { name: "me-sign-in", path: "/me/sign-in", viewport: phone, mobile: true },
  { name: "me-verify", path: "/me/verify?email=camila.ortiz.00021%40example.com", viewport: phone, mobile: true },
  { name: "me-join", path: "/me/join", viewport: phone, mobile: true },
  {
    name: "me-join-errors",
    path: "/me/join",
    viewport: phone,
    mobile: true,
    prepare: async (page) => {
      await page.locator("#field-email").fill("not-an-email");
      await page.locator("main form button[type=submit]").first().click();
      await page.getByTestId("terms-error").waitFor();
    },
  },
  { name: "portal", path: "/me", viewport: phone, mobile: true, as: { member: "renata.aguilar.00151@example.com" } },
  { name: "staff", path: "/staff", viewport: { width: 1180, height: 820 }, as: { user: "staff@demo.lazo.example" } },
  {
    name: "staff-store",
    path: "/staff",
    viewport: { width: 1180, height: 820 },
    as: { user: "staff@demo.lazo.example" },
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
  if (shot.as && "user" in shot.as) await signInUser(page, baseUrl, shot.as.user);
  if (shot.as && "member" in shot.as) await signInMember(browser, page, baseUrl, shot.as.member);
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
    const only = process.argv[4];
    for (const shot of shots.filter((s) => !only || s.name.includes(only))) {
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
