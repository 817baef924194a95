/**
 * `npm run bench:desk`: the staff desk's server actions (member lookup by
 * phone, card, email and fuzzy name; a purchase; redeeming a reward and a
 * coupon) on a program of 1M members, against the same operations on a 1k
 * baseline program in the same database and run. Each operation calls the
 * services the way the server action does: the desk context of a staff actor
 * (deskProgramId), then the service, which authorizes at the store. The
 * session lookup of requireUser is left out (it does not depend on members).
 *
 * Target (issue 7): p95 ≤ 100 ms for each operation at 1M members.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { wholeNumberOptions } from "../support/options";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import type { UserActor } from "@/lib/auth/session";
import { findDeskMembers } from "@/lib/services/desk/find-desk-members";
import { recordDeskPurchase } from "@/lib/services/desk/record-desk-purchase";
import { redeemRewardAtDesk } from "@/lib/services/desk/desk-redemption";
import { redeemDeskCoupon } from "@/lib/services/desk/desk-coupons";
import { createReward } from "@/lib/services/rewards/manage-rewards";
import { redeemReward } from "@/lib/services/rewards/redeem-reward";
import { createStore } from "@/lib/services/stores/create-store";
import { getDeskContext } from "@/lib/services/stores/list-desk-stores";
import { NotFoundError } from "@/lib/errors";
import { BENCH_PROGRAM_HELP, BENCH_PROGRAM_OPTIONS, openBenchPrograms, readBenchProgramOptions, type BenchProgram } from "../support/bench-programs";
import { machineFacts, printTable, ratioRow, seeded, timed, writeResult, type RatioRow } from "../support/timing";

const HELP = `npm run bench:desk -- [options]
${BENCH_PROGRAM_HELP}
  --iterations N         measured calls per operation and program (default 500)
  --warmup N             unmeasured calls first (default 20)
  --only LIST            operations to run (default all): ${"lookup-phone,lookup-card,lookup-email,lookup-name,purchase,redeem-reward,redeem-coupon"}`;

const OPERATIONS = ["lookup-phone", "lookup-card", "lookup-email", "lookup-name", "purchase", "redeem-reward", "redeem-coupon"] as const;
type Operation = (typeof OPERATIONS)[number];
const TARGET_P95_MS = 100;
const REWARD_PRICE = 50;

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      ...BENCH_PROGRAM_OPTIONS,
      iterations: { type: "string", default: "500" },
      warmup: { type: "string", default: "20" },
      only: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  const int = wholeNumberOptions(HELP, values.help);
  const only = values.only ? values.only.split(",").map((s) => s.trim()) : [...OPERATIONS];
  for (const op of only) if (!(OPERATIONS as readonly string[]).includes(op)) throw new Error(`Unknown operation ${op}.\n\n${HELP}`);
  return {
    ...readBenchProgramOptions(values, int),
    iterations: int("iterations", values.iterations, 1),
    warmup: int("warmup", values.warmup, 0),
    only: only as Operation[],
  };
}

type Sample = { id: string; phone: string | null; email: string | null; cardNumber: string; name: string | null; available: number };

/** What one program needs for the desk: a store, a staff member working there, a reward, and members to pick from. */
type DeskFixture = { program: BenchProgram; storeId: string; rewardId: string; actor: UserActor; samples: Sample[]; rich: Sample[] };

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

async function fixture(db: Executor, program: BenchProgram, sampleSize: number, seed: number): Promise<DeskFixture> {
  const system: Actor = { kind: "system", label: "bench:desk" };
  const [store] = rowsOf<{ id: string }>(await db.execute(sql`select id from stores where program_id = ${program.id} and code = 'BENCH-DESK'`));
  const storeId = store?.id ?? (await createStore(db, system, { programId: program.id, code: "BENCH-DESK", name: "Bench desk" })).id;
  const [reward] = rowsOf<{ id: string }>(await db.execute(sql`select id from rewards where program_id = ${program.id} and name->>'en' = 'Bench coffee' and status = 'active'`));
  const rewardId =
    reward?.id ?? (await createReward(db, system, { programId: program.id, kind: "free_product", name: { es: "Café de bench", en: "Bench coffee" }, pointsPrice: REWARD_PRICE, couponValidDays: 30 })).id;
  // Generated members are gen-<seed>-<index>: a seeded pick of indexes reads them by the unique external id.
  const random = seeded(seed * 7919 + program.members);
  const ids = [...new Set(Array.from({ length: Math.min(program.members, sampleSize * 3) }, () => `gen-${program.seed}-${Math.floor(random() * program.members)}`))];
  const samples = rowsOf<{ id: string; phone: string | null; email: string | null; card_number: string; name: string | null; available: number }>(
    await db.execute(sql`
      select m.id, m.phone, m.email, m.card_number, m.name, coalesce(a.available, 0)::int as available
      from members m left join point_accounts a on a.program_id = m.program_id and a.member_id = m.id
      where m.program_id = ${program.id} and m.external_id in ${ids} and m.status = 'active'`),
  ).map((r) => ({ id: r.id, phone: r.phone, email: r.email, cardNumber: r.card_number, name: r.name, available: Number(r.available) }));
  // Shuffle deterministically (the IN list comes back in index order).
  samples.sort((a, b) => (a.id < b.id ? -1 : 1));
  const actor: UserActor = {
    kind: "user",
    userId: randomUUID(),
    email: `bench-cashier-${program.slug}@example.com`,
    grants: [{ organizationId: program.organizationId, programId: program.id, role: "staff", storeIds: [storeId], extraPermissions: [] }],
  };
  return { program, storeId, rewardId, actor, samples, rich: samples.filter((s) => s.available >= REWARD_PRICE * 4) };
}

/** What the server action does before the service: the staff user's desk program (deskProgramId). */
async function deskProgramId(db: Executor, actor: UserActor): Promise<string> {
  const desk = await getDeskContext(db, actor);
  if (!desk) throw new NotFoundError("program");
  return desk.program.id;
}

/** A cashier's typo: one letter of the surname dropped ("maria prez"), lower case. */
function typo(name: string, pick: number): string {
  const words = name.toLowerCase().split(" ");
  const last = words.length - 1;
  const word = words[last]!;
  const at = 1 + (pick % Math.max(1, word.length - 1));
  words[last] = word.slice(0, at) + word.slice(at + 1);
  return words.join(" ");
}

/** The national number as a cashier types it: the last 10 digits of +52 55 …. */
const typedPhone = (phone: string) => phone.replace(/\D/g, "").slice(-10);

type Step = (i: number) => Promise<unknown>;

function steps(db: Executor, f: DeskFixture, runId: string, coupons: string[]): Record<Operation, Step> {
  const at = (i: number) => f.samples[i % f.samples.length]!;
  const withPhone = f.samples.filter((s) => s.phone);
  const withEmail = f.samples.filter((s) => s.email);
  const withName = f.samples.filter((s) => s.name);
  const base = { storeId: f.storeId };
  const expect = (outcome: string, want: string, op: string) => {
    if (outcome !== want) throw new Error(`${op} on ${f.program.slug}: expected ${want}, got ${outcome}`);
  };
  return {
    "lookup-phone": async (i) => {
      const programId = await deskProgramId(db, f.actor);
      const r = await findDeskMembers(db, f.actor, { ...base, programId, q: typedPhone(withPhone[i % withPhone.length]!.phone!) });
      if (r.outcome !== "match" && r.outcome !== "list") expect(r.outcome, "match", "lookup-phone");
    },
    "lookup-card": async (i) => {
      const programId = await deskProgramId(db, f.actor);
      const r = await findDeskMembers(db, f.actor, { ...base, programId, q: at(i).cardNumber });
      expect(r.outcome, "match", "lookup-card");
    },
    "lookup-email": async (i) => {
      const programId = await deskProgramId(db, f.actor);
      const r = await findDeskMembers(db, f.actor, { ...base, programId, q: withEmail[i % withEmail.length]!.email! });
      expect(r.outcome, "match", "lookup-email");
    },
    "lookup-name": async (i) => {
      const programId = await deskProgramId(db, f.actor);
      const r = await findDeskMembers(db, f.actor, { ...base, programId, q: typo(withName[i % withName.length]!.name!, i) });
      expect(r.outcome, "list", "lookup-name");
    },
    purchase: async (i) => {
      const programId = await deskProgramId(db, f.actor);
      await recordDeskPurchase(db, f.actor, { ...base, programId, memberId: at(i).id, orderId: `bench-${runId}-${i}`, amountMinor: 5_000 + ((i * 7_919) % 45_000) });
    },
    "redeem-reward": async (i) => {
      const programId = await deskProgramId(db, f.actor);
      await redeemRewardAtDesk(db, f.actor, { ...base, programId, memberId: f.rich[i % f.rich.length]!.id, rewardId: f.rewardId, useNow: true, idempotencyKey: randomUUID() });
    },
    "redeem-coupon": async (i) => {
      const programId = await deskProgramId(db, f.actor);
      const r = await redeemDeskCoupon(db, f.actor, { ...base, programId, code: coupons[i]! }, { ip: "203.0.113.7" });
      if (r.refusal) throw new Error(`redeem-coupon on ${f.program.slug}: ${r.refusal}`);
    },
  };
}

/** Coupons to redeem at the counter, issued beforehand (not timed) from rewards the members buy with points. */
async function issueCoupons(db: Executor, f: DeskFixture, count: number): Promise<string[]> {
  const system: Actor = { kind: "system", label: "bench:desk" };
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const member = f.rich[(i * 31 + 7) % f.rich.length]!;
    const { coupon } = await redeemReward(db, system, { programId: f.program.id, memberId: member.id, rewardId: f.rewardId, storeId: f.storeId, idempotencyKey: randomUUID() });
    codes.push(coupon.code);
  }
  return codes;
}

async function main(): Promise<void> {
  const o = options();
  const startedAt = new Date().toISOString();
  const facts = machineFacts();
  const { big, baseline, database } = await openBenchPrograms(o, 10);
  const runId = Date.now().toString(36);
  const rows: RatioRow[] = [];
  try {
    const db = database.db;
    const calls = o.iterations + o.warmup;
    const fixtures = { big: await fixture(db, big, calls, o.seed), baseline: await fixture(db, baseline, calls, o.seed) };
    for (const f of Object.values(fixtures)) {
      console.error(`bench: ${f.program.slug}: ${f.samples.length} sampled members, ${f.rich.length} with ≥ ${REWARD_PRICE * 4} points`);
      if (!f.rich.length) throw new Error(`No member of ${f.program.slug} has points to redeem.`);
    }
    const coupons = { big: [] as string[], baseline: [] as string[] };
    if (o.only.includes("redeem-coupon")) {
      console.error(`bench: issuing ${calls} coupons per program …`);
      coupons.big = await issueCoupons(db, fixtures.big, calls);
      coupons.baseline = await issueCoupons(db, fixtures.baseline, calls);
    }
    const run = { big: steps(db, fixtures.big, `${runId}-big`, coupons.big), baseline: steps(db, fixtures.baseline, `${runId}-base`, coupons.baseline) };
    for (const op of o.only) {
      const ms = { big: [] as number[], baseline: [] as number[] };
      // Alternate the programs call by call so both see the same machine (2 shared cores, other load).
      for (let i = 0; i < calls; i++) {
        for (const which of ["big", "baseline"] as const) {
          const { ms: took } = await timed(() => run[which][op](i));
          if (i >= o.warmup) ms[which].push(took);
        }
      }
      const row = ratioRow(op, ms.big, ms.baseline);
      rows.push(row);
      console.error(`bench: ${op}: ${big.slug} p50 ${row.big.p50.toFixed(1)} p95 ${row.big.p95.toFixed(1)} p99 ${row.big.p99.toFixed(1)} ms; ${baseline.slug} p50 ${row.baseline.p50.toFixed(1)} p95 ${row.baseline.p95.toFixed(1)} ms`);
    }
  } finally {
    await database.close();
  }

  const table = printTable(rows, { big: big.slug.replace(/^bench-/, ""), baseline: baseline.slug.replace(/^bench-/, "") }, TARGET_P95_MS);
  console.log(`\nDesk actions, ms per call (${o.iterations} calls each after ${o.warmup} warm-up, programs alternated), ${big.slug} ${big.members} members / ${big.ledgerEntries} ledger entries vs ${baseline.slug} ${baseline.members} members:\n`);
  console.log(table);
  const over = rows.filter((r) => r.big.p95 > TARGET_P95_MS).map((r) => r.operation);
  console.log(over.length ? `\nOver the ${TARGET_P95_MS} ms p95 target: ${over.join(", ")}` : `\nEvery operation is within p95 ≤ ${TARGET_P95_MS} ms at ${big.members} members.`);
  const file = writeResult("desk", {
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: { ...facts, loadAverageAtEnd: machineFacts().loadAverage, database: o.databaseUrl.replace(/\/\/[^@]*@/, "//"), iterations: o.iterations, warmup: o.warmup },
    programs: { big, baseline },
    targetP95Ms: TARGET_P95_MS,
    rows,
    table,
  });
  console.log(`\nWritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
