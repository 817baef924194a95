import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export function buildApp(appDir: string, distDir: string): void {
  console.error(`bench: next build into ${path.join(appDir, distDir)} …`);
  const result = spawnSync("npx", ["next", "build"], { cwd: appDir, stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}).`);
}

export function assertBuilt(appDir: string, distDir: string): void {
  if (!fs.existsSync(path.join(appDir, distDir, "BUILD_ID"))) throw new Error(`No production build in ${path.join(appDir, distDir)}: run without --skip-build.`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = { url: string; logFile: string; child: ChildProcess; /** Process group of `next start` and next-server. */ pgid: number; stop(): Promise<void> };

/**
 * `next start` of the production build on a free port, in its own process
 * group (so stopping it also stops next-server), with the background jobs off
 * and the per-key rate limit out of the way of the load.
 */
export async function startServer(appDir: string, distDir: string, databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const logFile = path.join(os.tmpdir(), `lazo-bench-server-${port}.log`);
  const log = fs.openSync(logFile, "w");
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: appDir,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      LAZO_JOBS: "off",
      LAZO_SEED: "none",
      LAZO_API_RATE_LIMIT: "1000000",
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(24).toString("hex"),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server log (${logFile}) ---\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`);
  }
  return { url, logFile, child, pgid: child.pid!, stop };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer ${url}/api/v1/health within 2 minutes.`);
}
