import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a migrated embedded database, for test files to start from (embedded runs only). */
    pgliteSnapshot: string | null;
  }
}

/**
 * Global setup of the database tests on embedded PGlite: migrates one
 * in-memory database and dumps its folder, so each test file loads the dump
 * (about a second) instead of running initdb in WebAssembly and every
 * migration again (four to six seconds, over a hundred times a run).
 * Test files still run `migrateDatabase`, which finds nothing to do.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteSnapshot", null);
    return undefined;
  }
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    await migrateDatabase(database);
    const dump = await database.pglite!.dumpDataDir("none");
    const file = path.join(os.tmpdir(), `lazo-pglite-migrated-${process.pid}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteSnapshot", file);
    return () => fs.rmSync(file, { force: true });
  } finally {
    await database.close();
  }
}
