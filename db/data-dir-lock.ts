import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single-process database with no lock of its own: two processes
 * on one data folder silently diverge. Whoever opens the folder writes a lock
 * file with its pid; anyone else finding a live pid there refuses to start.
 */
export class DataDirBusyError extends Error {
  readonly code = "data_dir_busy";
  constructor(readonly dataDir: string, readonly holder: LockInfo) {
    super(
      `The embedded database in ${dataDir} is in use by ${holder.holder} (pid ${holder.pid}). ` +
        `Stop that process first, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
}

type LockInfo = { pid: number; holder: string; startedAt: string };

const LOCK_FILE = "lazo.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the folder for this process; returns the release function. */
export function acquireDataDirLock(dataDir: string, holder: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, holder, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: "wx" });
      const release = () => {
        if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readLock(file);
      if (current && current.pid !== process.pid && isAlive(current.pid)) {
        throw new DataDirBusyError(dataDir, current);
      }
      // A stale lock from a process that died (or our own from a reload): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
