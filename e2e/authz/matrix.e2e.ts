import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { ACTORS, MATRIX, type ActorName, type Outcome } from "./matrix";
import { listAppRoutes } from "./route-inventory";
import { memberCodeFromOutbox } from "../support/outbox";

type Fixtures = { password: string; demoPassword: string; programs: { demo: string; rival: string }; members: Record<"a" | "b" | "q", { id: string; email: string; programId: string }> };
const fixtures = (): Fixtures => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;

const USERS: Partial<Record<ActorName, (f: Fixtures) => [string, string]>> = {
  staffX: (f) => ["staff@demo.lazo.example", f.demoPassword],
  staffY: (f) => ["staff-y@e2e.example", f.password],
  marketerP: (f) => ["marketing@demo.lazo.example", f.demoPassword],
  marketerQ: (f) => ["marketer-q@e2e.example", f.password],
  analyst: (f) => ["analyst@demo.lazo.example", f.demoPassword],
  admin: (f) => ["admin@demo.lazo.example", f.demoPassword],
};

/** Signs in through Auth.js's own endpoints, so the matrix does not depend on any form. */
async function signInWithCredentials(request: APIRequestContext, provider: "password" | "member-code", fields: Record<string, string>) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post(`/api/auth/callback/${provider}`, { form: { ...fields, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(response.status(), `sign-in via ${provider} for ${fields.email}`).toBeLessThan(400);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email, `session after signing in ${fields.email}`).toBe(fields.email);
}

async function contextFor(browser: Browser, actor: ActorName, admin: BrowserContext | null): Promise<BrowserContext> {
  const context = await browser.newContext();
  const f = fixtures();
  const user = USERS[actor]?.(f);
  if (user) await signInWithCredentials(context.request, "password", { email: user[0], password: user[1] });
  if (actor === "memberA" || actor === "memberB") {
    const member = f.members[actor === "memberA" ? "a" : "b"];
    const code = await memberCodeFromOutbox(context, admin!, { programId: member.programId, email: member.email });
    await signInWithCredentials(context.request, "member-code", { programId: member.programId, email: member.email, code });
  }
  return context;
}

async function outcomeOf(context: BrowserContext, url: string, kind: "page" | "api"): Promise<Outcome> {
  if (kind === "api") {
    const response = await context.request.get(url, { maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    if ([301, 302, 303, 307, 308].includes(response.status()) && /sign-in/.test(location)) return "signin";
    if (response.status() === 401) return "signin";
    if (response.status() === 403 || response.status() === 404) return "denied";
    return response.ok() ? "ok" : "denied";
  }
  const page = await context.newPage();
  try {
    const response = await page.goto(url);
    const path = new URL(page.url()).pathname;
    if (path === "/sign-in" || path === "/me/sign-in") return "signin";
    if (!response || response.status() === 403 || response.status() === 404) return "denied";
    if (await page.locator('[data-access="denied"]').count()) return "denied";
    return response.ok() ? "ok" : "denied";
  } finally {
    await page.close();
  }
}

const routes = listAppRoutes();

test("every page and route handler has a row in the authorization matrix", () => {
  const covered = new Set(MATRIX.map((r) => r.route));
  const missing = routes.filter((r) => !covered.has(r.route)).map((r) => `${r.route} (${r.file})`);
  expect(missing, "add these routes to e2e/authz/matrix.ts").toEqual([]);
  const stale = MATRIX.filter((r) => !routes.some((x) => x.route === r.route)).map((r) => r.route);
  expect(stale, "rows for routes that no longer exist").toEqual([]);
});

test.describe("authorization matrix", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let admin: BrowserContext | null = null;

  test.beforeAll(async ({ browser }) => {
    admin = await contextFor(browser, "admin", null);
  });
  test.afterAll(async () => admin?.close());

  for (const actor of ACTORS) {
    test(`${actor} gets exactly what the matrix says`, async ({ browser }) => {
      const context = actor === "admin" ? admin! : await contextFor(browser, actor, admin);
      const observed: string[] = [];
      const expected: string[] = [];
      for (const row of MATRIX) {
        const kind = routes.find((r) => r.route === row.route)?.kind ?? "page";
        const outcome = await outcomeOf(context, row.probe ?? row.route, kind);
        const want = row.expect[actor];
        observed.push(`${row.route}: ${want === "public" ? (outcome === "denied" ? "denied" : "public") : outcome}`);
        expected.push(`${row.route}: ${want}`);
      }
      if (context !== admin) await context.close();
      expect(observed).toEqual(expected);
    });
  }
});
