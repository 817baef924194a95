import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { ACTION_MATRIX, type ActionRow } from "./action-matrix";
import { ACTORS, MATRIX, type ActorName, type Outcome } from "./matrix";
import { listAppRoutes } from "./route-inventory";
import { memberCodeFromOutbox } from "../support/outbox";

type Fixtures = { password: string; demoPassword: string; programs: { demo: string; rival: string }; stores: { x: string; y: string }; members: Record<"a" | "b" | "q", { id: string; email: string; programId: string }> };
const fixtures = (): Fixtures => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures;

/** `{memberA}` and `{storeX}` in a probe, an action's page or its fields: ids known only once the fixtures are written. */
const withFixtureIds = (text: string) => text.replaceAll("{memberA}", fixtures().members.a.id).replaceAll("{storeX}", fixtures().stores.x);

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

/**
 * The matrix reuses one keep-alive connection for hundreds of probes; when a
 * slow step (a member's sign-in) outlasts the server's keep-alive, the next
 * request can meet a closed socket. That is transport, not authorization: retry once.
 */
async function reconnecting<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return request();
  }
}

async function outcomeOf(context: BrowserContext, url: string, kind: "page" | "api"): Promise<Outcome> {
  if (kind === "api") {
    const response = await reconnecting(() => context.request.get(url, { maxRedirects: 0 }));
    const location = response.headers()["location"] ?? "";
    if ([301, 302, 303, 307, 308].includes(response.status()) && /sign-in/.test(location)) return "signin";
    if (response.status() === 401) return "signin";
    if (response.status() === 403 || response.status() === 404) return "denied";
    return response.ok() ? "ok" : "denied";
  }
  // Pages are fetched, not rendered in a tab: the server decides access (a redirect,
  // a 403/404, or the access-denied block in the HTML), and skipping hydration keeps
  // nine actors × every page to a few minutes.
  const response = await reconnecting(() => context.request.get(url));
  const path = new URL(response.url()).pathname;
  if (path === "/sign-in" || path === "/me/sign-in") return "signin";
  if (response.status() === 403 || response.status() === 404) return "denied";
  if ((await response.text()).includes('data-access="denied"')) return "denied";
  return response.ok() ? "ok" : "denied";
}

const routes = listAppRoutes();

type BuiltAction = { key: string; id: string; page: string };

/** Server actions the production build registers (the server reference manifest), each with a page that loads it. */
function builtActions(): BuiltAction[] {
  const file = `${process.env.NEXT_DIST_DIR || ".next"}/server/server-reference-manifest.json`;
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const pages = Object.keys(entry.workers).map((worker) =>
      `/${worker.split("/").slice(1, -1).filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`,
    );
    return { key: `${entry.filename}#${entry.exportedName}`, id, page: pages.find((p) => !p.includes("[")) ?? pages[0]! };
  });
}

/**
 * Calls a server action the way React does: POST to a page that loads it with
 * the `Next-Action` header; form arguments as multipart fields prefixed with
 * their reference (`_1_name`), the argument list last (Next reads the stream in order).
 */
async function actionOutcome(context: BrowserContext, row: ActionRow, built: BuiltAction, origin: string): Promise<string> {
  const headers = { "Next-Action": built.id, Accept: "text/x-component", Origin: origin };
  const page = withFixtureIds(row.page ?? built.page);
  let response;
  if (row.call.kind === "args") {
    const body = Buffer.from(withFixtureIds(JSON.stringify(row.call.args)));
    response = await reconnecting(() => context.request.post(page, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 }));
  } else {
    const form = new FormData();
    for (const [name, value] of Object.entries(row.call.fields ?? {})) form.append(`_1_${name}`, withFixtureIds(value));
    form.append("0", row.call.kind === "state-form" ? '[{},"$K1"]' : '["$K1"]');
    response = await reconnecting(() => context.request.post(page, { headers, multipart: form, maxRedirects: 0 }));
  }
  const status = response.status();
  const target = `${response.headers()["location"] ?? ""} ${response.headers()["x-action-redirect"] ?? ""}`;
  if (/\/(me\/)?sign-in/.test(target)) return "signin";
  const body = await response.text();
  if (/"code":"(forbidden|not_found)"/.test(body)) return "denied";
  return status < 400 ? "ok" : `error ${status}`;
}

test("every server action has a row in the action matrix", () => {
  const built = builtActions().map((a) => a.key);
  const covered = new Set(ACTION_MATRIX.map((r) => r.action));
  expect(built.filter((key) => !covered.has(key)), "add these server actions to e2e/authz/action-matrix.ts").toEqual([]);
  expect(ACTION_MATRIX.map((r) => r.action).filter((key) => !built.includes(key)), "rows for actions the build does not have").toEqual([]);
});

test("every page and route handler has a row in the authorization matrix", () => {
  const covered = new Set(MATRIX.map((r) => r.route));
  const missing = routes.filter((r) => !covered.has(r.route)).map((r) => `${r.route} (${r.file})`);
  expect(missing, "add these routes to e2e/authz/matrix.ts").toEqual([]);
  const stale = MATRIX.filter((r) => !routes.some((x) => x.route === r.route)).map((r) => r.route);
  expect(stale, "rows for routes that no longer exist").toEqual([]);
});

test.describe("authorization matrix", () => {
  // One test per actor, each with its own sessions, so the actors spread over the workers.
  test.describe.configure({ timeout: 180_000 });

  for (const actor of ACTORS) {
    test(`${actor} gets exactly what the matrix says`, async ({ browser, baseURL }) => {
      const admin = await contextFor(browser, "admin", null);
      const context = actor === "admin" ? admin : await contextFor(browser, actor, admin);
      const observed: string[] = [];
      const expected: string[] = [];
      for (const row of MATRIX) {
        const kind = routes.find((r) => r.route === row.route)?.kind ?? "page";
        const outcome = await outcomeOf(context, withFixtureIds(row.probe ?? row.route), kind);
        const want = row.expect[actor];
        observed.push(`${row.route}: ${want === "public" ? (outcome === "denied" ? "denied" : "public") : outcome}`);
        expected.push(`${row.route}: ${want}`);
      }
      const actions = builtActions();
      for (const row of ACTION_MATRIX) {
        const built = actions.find((a) => a.key === row.action);
        if (!built || row.skip?.actors.includes(actor)) continue;
        const outcome = await actionOutcome(context, row, built, baseURL!);
        const want = row.expect[actor];
        observed.push(`${row.action}: ${want === "public" && !["denied", "signin"].includes(outcome) && !outcome.startsWith("error") ? "public" : outcome}`);
        expected.push(`${row.action}: ${want}`);
      }
      if (context !== admin) await context.close();
      await admin.close();
      expect(observed).toEqual(expected);
    });
  }
});
