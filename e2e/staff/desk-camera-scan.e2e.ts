import fs from "node:fs";
import path from "node:path";
import { expect, test as base, type Page } from "@playwright/test";
import { cardTokenKey, signCardToken } from "../../lib/auth/member-card-token";
import { api, unique } from "../api/api-client";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";
import { blankY4m, qrY4m } from "../support/qr-video";

/**
 * The desk's camera path with a real (fake) camera: Chromium plays a Y4M file
 * as its webcam (--use-file-for-fake-video-capture). The flag is fixed when the
 * browser starts, so each worker gets its own file, written (blank) before its
 * browser launches; every test then writes the picture it wants to show —
 * Chromium opens the file afresh each time the scanner asks for the camera.
 */

type Fixtures = { camera: { show(video: Buffer): void } };
type WorkerFixtures = { cameraFile: string };

const SHOTS = "test-results/screens/desk-accept";

const test = base.extend<Fixtures, WorkerFixtures>({
  cameraFile: [
    async ({}, provide, workerInfo) => {
      const file = path.resolve("test-results", "desk-accept", `camera-${workerInfo.workerIndex}.y4m`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, blankY4m());
      await provide(file);
      fs.rmSync(file, { force: true });
    },
    { scope: "worker" },
  ],
  // The configured launch options (executable and flags) plus the fake camera.
  launchOptions: [
    async ({ launchOptions, cameraFile }, provide) => {
      const args = [...(launchOptions.args ?? []), "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${cameraFile}`];
      await provide({ ...launchOptions, args });
    },
    { scope: "worker" },
  ],
  camera: async ({ cameraFile }, provide) => {
    await provide({
      // Written aside and renamed, so a capture that is still reading never sees half a file.
      show(video: Buffer) {
        const next = `${cameraFile}.next`;
        fs.writeFileSync(next, video);
        fs.renameSync(next, cameraFile);
      },
    });
  },
});

type DeskFixtures = { programs: { demo: string }; stores: { x: string } };
const fixtures = (): DeskFixtures => JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as DeskFixtures;
/** The server's AUTH_SECRET (playwright.config.ts), from which the card-token key derives. */
const secret = () => process.env.AUTH_SECRET || "lazo-e2e-only-secret-0123456789abcdef";

async function newMember(page: Page, name: string): Promise<string> {
  const created = await api(page.request).post("/api/v1/members", { externalId: unique("cam"), name, email: `${unique("cam")}@e2e.example` });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function openScanner(page: Page) {
  await page.goto(`/staff/${fixtures().stores.x}`);
  await expect(page.getByRole("searchbox")).toBeFocused();
  await page.getByTestId("open-scanner").click();
  await expect(page.getByTestId("barcode-scanner")).toBeVisible();
}

const card = (memberId: string, at: Date, key = cardTokenKey(secret())) => signCardToken(key, { programId: fixtures().programs.demo, memberId, now: at }).token;

test.describe("desk: member card QR through the camera", () => {
  test.use({ permissions: ["camera"] });
  test.beforeEach(async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.staff);
  });

  test("the camera is live and keeps looking while there is no code in view; Esc stops it", async ({ page, camera }) => {
    camera.show(blankY4m());
    await openScanner(page);
    const dialog = page.getByTestId("barcode-scanner");
    await expect(dialog).toContainText("Apunta la cámara al código QR o de barras; se lee solo.");
    await expect(dialog.getByTestId("scanner-problem")).toHaveCount(0);
    // Frames arrive: the fake camera's 640×480 picture is playing in the dialog.
    const video = dialog.locator("video");
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => ({ w: v.videoWidth, h: v.videoHeight, playing: !v.paused && v.currentTime > 0 }))).toEqual({ w: 640, h: 480, playing: true });
    await page.waitForTimeout(1500);
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/staff/${fixtures().stores.x}$`));
    await page.screenshot({ path: `${SHOTS}/scanner-live-no-code.png` });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    // The camera is released with the dialog (at once, or as soon as a decoder still loading has started).
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.srcObject === null)).toBe(true);
    await expect(page.getByRole("searchbox")).toBeFocused();
  });

  test("a fresh member card QR shown to the camera opens the member's panel", async ({ page, camera }) => {
    const memberId = await newMember(page, "Camila Cámara");
    const token = card(memberId, new Date());
    camera.show(qrY4m(token));
    await openScanner(page);
    await expect(page).toHaveURL(new RegExp(`/staff/${fixtures().stores.x}/members/${memberId}$`), { timeout: 20_000 });
    await expect(page.getByTestId("barcode-scanner")).toBeHidden();
    await expect(page.getByTestId("member-name")).toHaveText("Camila Cámara");
    await expect(page.getByTestId("points-available")).toHaveText("0");
    await page.screenshot({ path: `${SHOTS}/scanner-found-member.png` });
  });

  test("an expired member card QR is refused with a clear message", async ({ page, camera }) => {
    const memberId = await newMember(page, "Ernesto Expirado");
    camera.show(qrY4m(card(memberId, new Date(Date.now() - 10 * 60_000))));
    await openScanner(page);
    const refused = page.getByTestId("token-refused");
    await expect(refused).toHaveAttribute("data-code", "card_token_expired", { timeout: 20_000 });
    await expect(refused).toContainText("Este código de tarjeta ya venció");
    await expect(refused).toContainText("Pide al socio que abra de nuevo su tarjeta");
    await expect(page.getByTestId("barcode-scanner")).toBeHidden();
    await expect(page.getByTestId("member-panel")).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/staff/${fixtures().stores.x}\\?q=LZ1`));
    await page.screenshot({ path: `${SHOTS}/scanner-expired.png` });
  });

  test("a forged member card QR (signed with another key) is refused with a clear message", async ({ page, camera }) => {
    const memberId = await newMember(page, "Federico Falso");
    camera.show(qrY4m(card(memberId, new Date(), cardTokenKey("not-the-server-secret-0123456789abcdef"))));
    await openScanner(page);
    const refused = page.getByTestId("token-refused");
    await expect(refused).toHaveAttribute("data-code", "card_token_invalid", { timeout: 20_000 });
    await expect(refused).toContainText("Este código no es una tarjeta de este programa");
    await expect(page.getByTestId("barcode-scanner")).toBeHidden();
    await expect(page.getByTestId("member-panel")).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/scanner-forged.png` });
  });
});
