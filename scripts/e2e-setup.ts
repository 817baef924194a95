/**
 * Prepares the e2e database before the server starts (the embedded database
 * allows one process at a time): the CDNOW sample demo, plus the actors of the
 * authorization matrix — a second program, staff of another store, two members.
 * Everything goes through the same services as the app. Writes the ids the
 * tests need to test-results/e2e-fixtures.json.
 */
import fs from "node:fs";
import { openLazoDatabase } from "@/lib/server/open-database";
import { seedDemo, DEMO_PROGRAM_SLUG } from "@/lib/services/demo/seed-demo";
import { createProgram } from "@/lib/services/programs/create-program";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";
import { createStore } from "@/lib/services/stores/create-store";
import { listStoresOfProgram } from "@/lib/services/stores/list-stores";
import { addTeamMember } from "@/lib/services/team/add-team-member";
import { createMember } from "@/lib/services/members/create-member";
import { lookupMembers } from "@/lib/services/members/lookup-members";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { isLazoError } from "@/lib/errors";

export const E2E_PASSWORD = "lazo-e2e-password-2026";
const system = { kind: "system", label: "e2e-setup" } as const;

async function ignoreExisting<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (isLazoError(error) && (error.status === 409 || error.code === "member_exists")) return undefined;
    throw error;
  }
}

async function main() {
  const database = await openLazoDatabase("the e2e setup");
  const { db } = database;
  try {
    await seedDemo(db, { dataset: "sample" });
    const demo = await requireProgramBySlug(db, DEMO_PROGRAM_SLUG);
    await ignoreExisting(() => createProgram(db, { slug: "rival", name: "Café Rival", currency: "CLP", locale: "es-CL", timeZone: "America/Santiago" }));
    const rival = await requireProgramBySlug(db, "rival");
    await ignoreExisting(() => createStore(db, system, { programId: rival.id, code: "RIV-1", name: "Rival Centro" }));
    const demoStores = await listStoresOfProgram(db, demo.id);
    const storeY = demoStores.find((s) => s.code === "GDL-CHA")!;
    const storeX = demoStores.find((s) => s.code === "CDMX-CEN")!;

    const people = [
      { email: "staff-y@e2e.example", role: "staff" as const, programId: demo.id, storeIds: [storeY.id] },
      { email: "marketer-q@e2e.example", role: "marketer" as const, programId: rival.id, storeIds: [] },
      // Only e2e/auth signs these in: one gets locked out, the other signed out everywhere, without touching anyone else's sessions.
      { email: "lockout@e2e.example", role: "analyst" as const, programId: demo.id, storeIds: [] },
      { email: "everywhere@e2e.example", role: "analyst" as const, programId: demo.id, storeIds: [] },
    ];
    for (const p of people) {
      await ignoreExisting(() => addTeamMember(db, system, { ...p, name: p.email.split("@")[0], password: E2E_PASSWORD }));
    }

    const members: Record<string, { id: string; email: string; programId: string }> = {};
    const NAMES = { a: "Alicia Alfa", b: "Bruno Beta", c: "Carla Gamma", q: "Quique Rival" } as const;
    for (const [key, email, programId] of [["a", "member-a@e2e.example", demo.id], ["b", "member-b@e2e.example", demo.id], ["c", "member-c@e2e.example", demo.id], ["q", "member-q@e2e.example", rival.id]] as const) {
      await ignoreExisting(() => createMember(db, { programId, email, name: NAMES[key], externalId: `e2e-${key}`, enrolmentChannel: "console", consents: { terms: true } }));
      const [member] = await lookupMembers(db, system, { programId, externalId: `e2e-${key}` });
      await earnPoints(db, { programId, memberId: member!.id, points: key === "a" ? 1200 : 300, reason: "Bienvenida e2e", idempotencyKey: `e2e-welcome-${key}` });
      members[key] = { id: member!.id, email, programId };
    }
    fs.mkdirSync("test-results", { recursive: true });
    const fixtures = {
      password: E2E_PASSWORD,
      demoPassword: "lazo-demo-2026",
      programs: { demo: demo.id, rival: rival.id },
      stores: { x: storeX.id, y: storeY.id },
      members,
    };
    fs.writeFileSync("test-results/e2e-fixtures.json", JSON.stringify(fixtures, null, 2));
    console.log(`e2e setup ready in ${database.location}`);
  } finally {
    await database.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
