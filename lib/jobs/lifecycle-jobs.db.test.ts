import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { findJob, startJobWorker } from "./lifecycle-jobs";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase({ isolated: true });
});
afterAll(async () => database.close());

describe("ledger lifecycle jobs", () => {
  it("expire and release run on the Postgres-backed queue, and twice changes nothing", async () => {
    const program = await makeProgram(database);
    const { id: memberId } = await makeMember(database, program.id);
    const past = new Date(Date.now() - 3 * 86_400_000);
    await earnPoints(database.db, { programId: program.id, memberId, points: 40, expiresAt: new Date(Date.now() - 86_400_000) }, past);
    await earnPoints(database.db, { programId: program.id, memberId, points: 25, pendingUntil: new Date(Date.now() - 60_000) }, past);
    await earnPoints(database.db, { programId: program.id, memberId, points: 10 }, past);

    const worker = await startJobWorker(database);
    try {
      const sent = await Promise.all(["points-expire", "points-release"].map(async (name) => ({ name, id: (await worker.boss.send(name, {}))! })));
      await expect
        .poll(async () => Promise.all(sent.map(async ({ name, id }) => (await worker.boss.getJobById(name, id))?.state)), { timeout: 30_000, interval: 250 })
        .toEqual(["completed", "completed"]);
    } finally {
      await worker.stop();
    }
    expect(await getBalance(database.db, { programId: program.id, memberId })).toMatchObject({ available: 35, pending: 0, lifetimeExpired: 40 });

    // Running the same work again by hand finds nothing left to do.
    const again = await findJob("points-expire")!.run(database.db, new Date());
    expect(again).toMatchObject({ lots: 0, points: 0 });
  }, 90_000);
});
