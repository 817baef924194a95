import fs from "node:fs";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { assignGroup } from "../../lib/domain/campaigns/assignment";
import { E2E_PASSWORD, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

/**
 * Issue 8's acceptance journey, end to end in the program scripts/e2e-setup.ts
 * makes for it ("campanas"): 120 members in Puebla, 10 in Toluca whose birthday
 * was yesterday. The marketer does in the browser what a marketer does (segment,
 * two campaigns, run now, results); the API does what other systems would: sets
 * a few birthdays to yesterday, records a till's purchases and reads balances.
 */
type CampaignFixture = { programId: string; timeZone: string; key: string; marketer: string; inside: string[]; outside: string[]; birthday: string };
const fixture = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as { campaigns: CampaignFixture }).campaigns;

const SCREENS = "test-results/screens/campaign-acceptance";
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
const run = Date.now().toString(36);
const SEGMENT = `Puebla ${run}`;
const CONTROL_PCT = 10;

/** The preview's count once it has settled (no count running, none waiting for the debounce). */
async function settledCount(preview: Locator): Promise<number> {
  await expect(preview).toHaveAttribute("data-pending", "false", { timeout: 30_000 });
  const count = preview.getByTestId("segment-preview-count");
  await expect(count).toHaveAttribute("data-count", /^\d+$/);
  return Number(await count.getAttribute("data-count"));
}

const shown = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/\D/g, ""));
const campaignIdOf = (page: Page) => new URL(page.url()).pathname.split("/").at(-1)!;

/** YYYY-MM-DD in the program's zone, `days` from now (what a datetime-local field in the console means). */
const localDay = (timeZone: string, days: number) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));

function api(request: APIRequestContext, key: string) {
  const headers = { Authorization: `Bearer ${key}` };
  return {
    balance: async (memberId: string): Promise<number> => {
      const res = await request.get(`/api/v1/members/${memberId}`, { headers });
      expect(res.status()).toBe(200);
      return (await res.json()).balance.available as number;
    },
    /** The member's ledger entries a campaign wrote (birthday points carry the campaign in their explanation). */
    campaignEntries: async (memberId: string, campaignId: string): Promise<number> => {
      const res = await request.get(`/api/v1/members/${memberId}/history?limit=100`, { headers });
      expect(res.status()).toBe(200);
      const entries = (await res.json()).data as { explanation: { campaign?: { id: string } } | null }[];
      return entries.filter((e) => e.explanation?.campaign?.id === campaignId).length;
    },
    setBirthday: async (memberId: string, birthday: string) => expect((await request.patch(`/api/v1/members/${memberId}`, { headers, data: { birthday } })).status()).toBe(200),
    purchase: (memberId: string, orderId: string, idempotencyKey: string) =>
      request.post("/api/v1/purchases", { headers: { ...headers, "Idempotency-Key": idempotencyKey }, data: { memberId, orderId, amount: 100, currency: "MXN", channel: "ecommerce" } }),
  };
}

/** Splits members into the campaign's arms the way the product does (lib/domain/campaigns/assignment.ts). */
function arms(campaignId: string, members: readonly string[]) {
  const control = members.filter((id) => assignGroup(campaignId, id, CONTROL_PCT) === "control");
  const treatment = members.filter((id) => assignGroup(campaignId, id, CONTROL_PCT) === "treatment");
  return { control, treatment };
}

async function fillTemplates(page: Page, subject: string) {
  await page.getByLabel("Asunto (español)").fill(subject);
  await page.getByLabel("Texto (español)").fill("Hola {name}: {points} puntos.");
  await page.getByLabel("Asunto (inglés)").fill(subject);
  await page.getByLabel("Texto (inglés)").fill("Hi {name}: {points} points.");
}

test.use({ viewport: { width: 1280, height: 900 } });

test("a marketer segments Puebla, rewards its birthdays once and doubles its weekend points, holding out 10 % to compare", async ({ page, context, baseURL, request }) => {
  test.setTimeout(120_000);
  const f = fixture();
  const client = api(request, f.key);
  await setLocaleCookie(context, baseURL, "es");
  await signInAsUser(page, f.marketer, E2E_PASSWORD, "/console/segments/new");

  // 1. The segment: the live count follows every change of the rule.
  const preview = page.getByTestId("segment-preview");
  expect(await settledCount(preview)).toBe(f.inside.length + f.outside.length);
  await page.getByLabel("Nombre del segmento").fill(SEGMENT);
  await page.getByTestId("segment-group").first().getByLabel("Agregar condición").last().selectOption("city");
  const city = page.getByTestId("segment-condition").first().getByLabel("Ciudad");
  await city.fill("Puebla, Toluca");
  expect(await settledCount(preview)).toBe(f.inside.length + f.outside.length);
  await city.fill("Puebla");
  expect(await settledCount(preview)).toBe(f.inside.length);
  await shot(page, "segment-es");
  await page.getByRole("button", { name: "Guardar segmento" }).click();
  await page.waitForURL(/\/console\/segments\?saved=/);

  // 2. The birthday campaign, for the segment, with a 10 % control group.
  await page.goto("/console/campaigns/new");
  await page.getByLabel("Nombre", { exact: true }).fill(`Cumpleaños Puebla ${run}`);
  await page.getByLabel("Segmento", { exact: true }).selectOption({ label: `${SEGMENT} (${f.inside.length})` });
  await page.getByLabel("Disparador", { exact: true }).selectOption("birthday");
  await page.getByLabel("Puntos por socio").fill("200");
  await page.getByLabel("Grupo de control (%)").fill(String(CONTROL_PCT));
  await fillTemplates(page, "¡Feliz cumpleaños, {name}!");
  await page.getByRole("button", { name: "Guardar borrador" }).click();
  await page.waitForURL(/\/console\/campaigns\/[0-9a-f-]+\?saved=1/);
  const birthdayId = campaignIdOf(page);
  const arm = arms(birthdayId, f.inside);
  expect(arm.control.length, "the 10 % control holds someone of the segment").toBeGreaterThan(0);
  // Birthdays yesterday: three treatment members and one control member of the segment (everyone in Toluca has one too).
  const celebrants = { treated: arm.treatment.slice(0, 3), held: arm.control.slice(0, 1) };
  for (const id of [...celebrants.treated, ...celebrants.held]) await client.setBirthday(id, f.birthday);
  await page.getByRole("button", { name: "Activar" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("Activa");

  // Run twice: the first run rewards the treatment celebrants of the segment, the second nobody.
  await page.getByRole("button", { name: "Ejecutar ahora" }).click();
  await expect(page.locator("#run-message")).toContainText("3 socios premiados; 1 en control", { timeout: 30_000 });
  await page.getByRole("button", { name: "Ejecutar ahora" }).click();
  await expect(page.locator("#run-message")).toContainText("Nadie nuevo premiado", { timeout: 30_000 });
  await page.reload();
  expect(await shown(page, "arm-treatment-awarded")).toBe(3);
  expect(await shown(page, "arm-control-members")).toBe(1);
  await expect(page.getByTestId("arm-control-awarded")).toHaveText("0");
  await shot(page, "birthday-results-es");

  for (const id of celebrants.treated) expect(await client.campaignEntries(id, birthdayId), "a treated celebrant gets one award").toBe(1);
  expect(await client.balance(celebrants.treated[0]!)).toBe(200);
  // Held out, not celebrating, or outside the segment: nothing.
  const notRewarded = { control: celebrants.held[0]!, noBirthday: arm.treatment.at(-1)!, outside: f.outside[0]! };
  for (const [who, id] of Object.entries(notRewarded)) {
    expect(await client.balance(id), `${who} gets no birthday points`).toBe(0);
    expect(await client.campaignEntries(id, birthdayId), `${who} has no award entry`).toBe(0);
  }

  // 3. The weekend double points, for the same segment, with its own 10 % control.
  await page.goto("/console/campaigns/new");
  await page.getByLabel("Nombre", { exact: true }).fill(`Puntos dobles fin de semana ${run}`);
  await page.getByLabel("Tipo de campaña").selectOption("bonus");
  await page.getByLabel("Segmento", { exact: true }).selectOption({ label: `${SEGMENT} (${f.inside.length})` });
  await page.getByLabel("Multiplicador").fill("2");
  await page.getByLabel("Grupo de control (%)").fill(String(CONTROL_PCT));
  // A window around today in the program's zone (a real "weekend" would be the next Saturday; today keeps the journey now).
  await page.getByLabel("Inicio").fill(`${localDay(f.timeZone, -1)}T00:00`);
  await page.getByLabel("Fin").fill(`${localDay(f.timeZone, 2)}T00:00`);
  await fillTemplates(page, "Puntos dobles este fin de semana");
  await page.getByRole("button", { name: "Guardar borrador" }).click();
  await page.waitForURL(/\/console\/campaigns\/[0-9a-f-]+\?saved=1/);
  const bonusId = campaignIdOf(page);
  const bonus = arms(bonusId, f.inside);
  expect(bonus.control.length, "the 10 % control holds someone of the audience").toBeGreaterThan(0);
  await page.getByRole("button", { name: "Activar" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("Activa");

  // A till sends one MXN 100 purchase (100 plan points) for a treated member, a held-out one and one outside the segment.
  const buyers = { treated: bonus.treatment[0]!, held: bonus.control[0]!, away: f.outside[1]! };
  const before = Object.fromEntries(await Promise.all(Object.entries(buyers).map(async ([k, id]) => [k, await client.balance(id)] as const)));
  const expected = { treated: 200, held: 100, away: 100 };
  for (const [who, id] of Object.entries(buyers)) {
    const orderId = `CMP-${run}-${who}`;
    const res = await client.purchase(id, orderId, `idem-${orderId}`);
    expect(res.status()).toBe(201);
    const body = await res.json();
    expect(body.pointsEarned, `${who} earns`).toBe(expected[who as keyof typeof expected]);
    expect(Boolean(body.explanation.campaignBonus), `${who} gets the bonus`).toBe(who === "treated");
    // The same order again, retried or re-sent under another key, earns nothing more (checked on the balances below).
    expect((await client.purchase(id, orderId, `idem-${orderId}`)).headers()["idempotent-replayed"]).toBe("true");
    expect([201, 409]).toContain((await client.purchase(id, orderId, `idem-${orderId}-again`)).status());
  }
  for (const [who, id] of Object.entries(buyers)) expect(await client.balance(id), `${who} balance`).toBe(before[who]! + expected[who as keyof typeof expected]);

  // 4. The results page compares the arms: members per arm and the lift with its 95 % interval, as charts.
  await page.reload();
  expect(await shown(page, "arm-treatment-members")).toBe(bonus.treatment.length);
  expect(await shown(page, "arm-control-members")).toBe(bonus.control.length);
  expect(await shown(page, "arm-treatment-awarded")).toBe(1);
  await expect(page.getByTestId("arm-control-awarded")).toHaveText("0");
  for (const m of ["participation", "purchases", "revenue"]) {
    await expect(page.getByTestId(`metric-${m}`)).toContainText("IC 95 %");
    await expect(page.getByTestId(`chart-${m}`).locator(".recharts-surface")).toBeVisible();
  }
  await shot(page, "bonus-results-es");
});

test("the segment builder offers the analytics predictions; members without one never match", async ({ page, context, baseURL }) => {
  const f = fixture();
  await setLocaleCookie(context, baseURL, "en");
  await signInAsUser(page, f.marketer, E2E_PASSWORD, "/console/segments/new");
  const preview = page.getByTestId("segment-preview");
  expect(await settledCount(preview)).toBe(f.inside.length + f.outside.length);
  const root = page.getByTestId("segment-group").first();
  await root.getByLabel("Add condition").last().selectOption("churnRisk");
  const churn = page.getByTestId("segment-condition").first();
  await churn.getByLabel("Churn risk (predicted) (%)").fill("101");
  await expect(churn.getByTestId("condition-error")).toHaveText("Use a percentage between 0 and 100.");
  // This program's members have never been scored (no predictions refresh yet): nobody is at risk, nor safe.
  await churn.getByLabel("Churn risk (predicted) (%)").fill("0");
  expect(await settledCount(preview)).toBe(0);
  await root.getByLabel("Add condition").last().selectOption("predictedClv");
  await root.getByLabel("Add condition").last().selectOption("replenishmentDue");
  await expect(page.getByTestId("segment-condition")).toHaveCount(3);
  await expect(page.getByText("Only members with a prediction").first()).toBeVisible();
  expect(await settledCount(preview)).toBe(0);
  await shot(page, "builder-predictions-en");
});
