import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets a second checkout run its suite while another one runs (default 3100).
const port = Number(process.env.E2E_PORT) || 3100;
const baseURL = `http://127.0.0.1:${port}`;

// The machine is offline: Playwright's own browsers cannot be downloaded, so
// the suite drives Debian's Chromium (`apt-get install -y chromium`).
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Server environment: a fresh embedded database seeded with the CDNOW sample. */
function serverEnv(): Record<string, string> {
  const env: Record<string, string> = {
    LAZO_DATA_DIR: ".data-e2e",
    LAZO_SEED: "sample",
    // Fixed value for tests only; real deployments must set their own.
    AUTH_SECRET: process.env.AUTH_SECRET || "lazo-e2e-only-secret-0123456789abcdef",
    // Webhook retries in milliseconds rather than minutes, and a quick outbox poll, so retry journeys take seconds.
    LAZO_WEBHOOK_BACKOFF_MS: "300",
    LAZO_WEBHOOK_POLL_MS: "500",
    // Every browser of the suite asks for its sign-in codes from 127.0.0.1: one address, far more than a store's 30 in 15 minutes.
    LAZO_CODE_REQUESTS_PER_IP: "10000",
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  return env;
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  // Screenshot tours for visual review run only when asked (DESK_SHOTS=1); they assert nothing the journeys do not.
  testIgnore: process.env.DESK_SHOTS ? [] : ["**/*-screenshots.e2e.ts"],
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // The first request that reads the database waits for migrations and the seed.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    locale: "es-MX",
    // Tracing records a screencast of every test (a fifth of the browser's CPU here): only when asked (E2E_TRACE=1).
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    // The app honours reduced motion (app/globals.css): nothing pulses or animates while a test waits.
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // `npm test` builds first. The data folder is wiped, the fixtures are written
    // (before the server: the embedded database takes one process at a time), and
    // the server's output is kept so tests can check what it logs.
    command: `rm -rf .data-e2e && mkdir -p test-results && npx tsx scripts/e2e-setup.ts && npm run start -- -p ${port} 2>&1 | tee test-results/e2e-server.log`,
    url: baseURL,
    env: serverEnv(),
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
