import { expect, type Browser, type Cookie, type Page } from "@playwright/test";
import { setLocaleCookie } from "./locale";
import { readLatestCode } from "./outbox";

export const DEMO_PASSWORD = "lazo-demo-2026";
/** Users scripts/e2e-setup.ts creates for tests that change an account's standing (lockout, sign out everywhere). */
export const E2E_PASSWORD = "lazo-e2e-password-2026";
export const E2E_USERS = { lockout: "lockout@e2e.example", everywhere: "everywhere@e2e.example" } as const;
export const DEMO = {
  admin: "admin@demo.lazo.example",
  marketer: "marketing@demo.lazo.example",
  analyst: "analyst@demo.lazo.example",
  staff: "staff@demo.lazo.example",
} as const;

/** Fills the console/staff sign-in form (in either language) and waits to leave it. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(email);
  await page.getByLabel(/^(Contraseña|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Iniciar sesión|Sign in)$/ }).click();
}

/**
 * Console and staff sessions this worker has opened, by email: the session cookie and, once known, the
 * user's landing page. A later test that needs the same user gets the session without the form; a test that
 * ends the session (signing out) only costs the next one a real sign-in.
 */
const openSessions = new Map<string, { cookies: Cookie[]; home?: string }>();

/**
 * Signs a console or staff user in; ends on the user's landing page (or `path`). The first time in a worker
 * it goes through the real form, afterwards it reuses that session while the server still accepts it.
 * Tests about signing in or out use signInThroughForm, which always opens a session of its own.
 */
export async function signInAsUser(page: Page, email: string, password = DEMO_PASSWORD, path?: string) {
  const open = openSessions.get(email);
  const target = path ?? open?.home;
  if (open && target) {
    await page.context().addCookies(open.cookies);
    await page.goto(target);
    if (!new URL(page.url()).pathname.startsWith("/sign-in")) return;
    await page.context().clearCookies({ name: /session-token/ });
  }
  await signInThroughForm(page, email, password, path);
  const cookies = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  const landed = new URL(page.url());
  openSessions.set(email, { cookies, home: path ? open?.home : landed.pathname + landed.search });
}

/** Signs a console or staff user in through the real form, always a new session; ends on the user's landing page (or `path`). */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD, path?: string) {
  await page.goto(path ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : "/sign-in");
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * Signs an existing member in with a mailed code: asks for the code in `page`,
 * reads it from the console's outbox as the demo admin in a second browser
 * context (its own cookies), then enters it. Ends on /me.
 */
export async function signInAsMember(page: Page, browser: Browser, email: string, options: { program?: string } = {}) {
  await page.goto(options.program ? `/me/sign-in?program=${options.program}` : "/me/sign-in");
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(email);
  await page.getByRole("button", { name: /^(Enviarme un código|Send me a code)$/ }).click();
  await page.waitForURL(/\/me\/verify/);
  await enterMailedCode(page, browser, email);
}

/** On /me/verify: reads the newest code mailed to `email` (as the admin, elsewhere) and signs in with it. */
export async function enterMailedCode(page: Page, browser: Browser, email: string) {
  const code = await readCodeAsAdmin(browser, page, email);
  await page.getByLabel(/^(Código de 6 dígitos|6-digit code)$/).fill(code);
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/me");
}

export async function readCodeAsAdmin(browser: Browser, page: Page, email: string): Promise<string> {
  const baseURL = new URL(page.url()).origin;
  const admin = await browser.newContext({ baseURL });
  try {
    const adminPage = await admin.newPage();
    await signInAsUser(adminPage, DEMO.admin);
    await adminPage.close();
    return await readLatestCode(admin, email);
  } finally {
    await admin.close();
  }
}

/** Opens the account menu that is visible at this size and returns it. */
export async function openUserMenu(page: Page) {
  const menu = page.getByTestId("user-menu").filter({ visible: true }).first();
  await menu.locator("summary").click();
  await expect(menu.getByTestId("user-menu-email")).toBeVisible();
  return menu;
}

/**
 * Members of the sample seed (CDNOW customers, see lib/domain/demo-people.ts).
 * Each test signs in a different one: codes are per address, and two tests
 * asking for codes for one address at once would read each other's.
 */
export const SEEDED_MEMBERS = {
  camila: { email: "camila.ortiz.00021@example.com", firstName: "Camila" },
  gabriela: { email: "gabriela.rodriguez.00050@example.com", firstName: "Gabriela" },
  javier: { email: "javier.diaz.00071@example.com", firstName: "Javier" },
  diego: { email: "diego.lopez.00086@example.com", firstName: "Diego" },
  lucia: { email: "lucia.diaz.00113@example.com", firstName: "Lucía" },
} as const;

/**
 * A member signs in to a program's portal on a phone, in a context of their own, with the code the admin's
 * session reads from the outbox; resolves on their home.
 */
export async function signInMemberOnPhone(browser: Browser, baseURL: string, admin: Page, p: { email: string; program: string; locale?: "es" | "en" }): Promise<Page> {
  const locale = p.locale ?? "es";
  const context = await browser.newContext({ baseURL, locale: locale === "es" ? "es-MX" : "en-US", viewport: { width: 390, height: 844 } });
  await setLocaleCookie(context, baseURL, locale);
  const page = await context.newPage();
  await page.goto(`/me/sign-in?program=${p.program}`);
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(p.email);
  await page.getByRole("button", { name: /^(Enviarme un código|Send me a code)$/ }).click();
  await page.waitForURL(/\/me\/verify/);
  await page.getByLabel(/^(Código de 6 dígitos|6-digit code)$/).fill(await readLatestCode(admin.context(), p.email));
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/me");
  return page;
}
