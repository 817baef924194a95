import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { campaigns, products, rewards, segments } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { createMember } from "@/lib/services/members/create-member";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { CONSOLE_CSV_LISTS, canDownloadCsv, consoleListCsvStream } from "./console-list-csv";
import { memberHistoryCsvStream } from "./member-history-csv";

const system: Actor = { kind: "system", label: "test" };
const user = (p: ProgramRow, role: Grant["role"]): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${role}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }],
});

/** The file as a spreadsheet sees it: BOM kept, split in CRLF lines. */
async function lines(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text.slice(1).trimEnd().split("\r\n");
}

let database: Database;
let program: ProgramRow;
let other: ProgramRow;
let secret: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  program = await makeProgram(database);
  other = await makeProgram(database);
  // 1,203 members: more than one page, so the keyset paging is exercised.
  for (let i = 0; i < 1_203; i += 1) await createMember(db, { programId: program.id, name: i === 0 ? "Zoë, \"la jefa\"" : `Member ${i}`, email: `m${i}@example.com` });
  await createMember(db, { programId: other.id, name: "Other Brand", email: "other@example.com" });
  await db.insert(rewards).values({ programId: program.id, kind: "percent_discount", name: { es: "Diez por ciento", en: "Ten percent" }, pointsPrice: 100, value: 1_000 });
  const [segment] = await db.insert(segments).values({ programId: program.id, name: "VIP", definition: { all: [] }, memberCount: 3 }).returning();
  await db.insert(campaigns).values({ programId: program.id, name: "Back to school", kind: "bonus", segmentId: segment!.id, definition: {} });
  await db.insert(products).values({ programId: program.id, sku: "=CMD", name: "Formula-looking SKU", unitCostMinor: 1_250 });
  secret = (await createApiKey(db, system, { programId: program.id, name: "POS", scopes: ["members:read"] })).key;
}, 120_000);
afterAll(async () => database.close());

describe("consoleListCsvStream", () => {
  it("streams every member of the program across pages, with a header and quoted fields", async () => {
    const { stream, filename } = await consoleListCsvStream(database.db, user(program, "analyst"), { programId: program.id, list: "members" }, new Date("2026-12-04T10:00:00Z"));
    expect(filename).toBe(`members-${program.slug}-2026-12-04.csv`);
    const rows = await lines(stream);
    expect(rows[0]).toBe("member_id,card_number,external_id,name,email,phone,city,tier,status,enrolment_channel,enrolled_at,consent_marketing,points_available,points_pending,points_lifetime_earned");
    expect(rows).toHaveLength(1 + 1_203);
    expect(new Set(rows.slice(1).map((r) => r.slice(0, 36))).size).toBe(1_203);
    expect(rows.some((r) => r.includes('"Zoë, ""la jefa"""'))).toBe(true);
    expect(rows.some((r) => r.includes("Other Brand"))).toBe(false);
  });

  it("exports rewards, campaigns, segments and products of the program, guarding formula-like text", async () => {
    const read = async (list: string) => lines((await consoleListCsvStream(database.db, user(program, "analyst"), { programId: program.id, list })).stream);
    expect((await read("rewards"))[1]).toContain(",Diez por ciento,Ten percent,percent_discount,active,100,MXN,,10,");
    expect((await read("campaigns"))[1]).toContain(",Back to school,bonus,draft,");
    expect((await read("segments"))[1]).toContain(",VIP,3,");
    expect((await read("products"))[1]).toMatch(/^'=CMD,Formula-looking SKU,,,MXN,1250,true,\d{4}-/);
  });

  it("lists API keys without their secret, and the team, to those who manage them", async () => {
    const admin = user(program, "admin");
    const keys = await lines((await consoleListCsvStream(database.db, admin, { programId: program.id, list: "api-keys" })).stream);
    expect(keys[0]).toBe("key_id,name,prefix,scopes,rate_limit_per_minute,created_at,last_used_at,revoked_at");
    expect(keys[1]).toContain(",POS,");
    expect(keys.join("\n")).not.toContain(secret);
    expect(keys.join("\n")).not.toContain(secret.slice(-12));
    const team = await lines((await consoleListCsvStream(database.db, admin, { programId: program.id, list: "team" })).stream);
    expect(team[0]).toBe("user_id,email,name,role,scope,store_ids,may_adjust_points,status");
  });

  it("refuses people without the page's permission or exports:read, other programs and unknown lists", async () => {
    await expect(consoleListCsvStream(database.db, user(program, "staff"), { programId: program.id, list: "members" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(consoleListCsvStream(database.db, user(program, "analyst"), { programId: program.id, list: "team" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(consoleListCsvStream(database.db, user(program, "analyst"), { programId: program.id, list: "api-keys" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(consoleListCsvStream(database.db, user(other, "admin"), { programId: program.id, list: "members" })).rejects.toMatchObject({ status: 404 });
    await expect(consoleListCsvStream(database.db, user(program, "admin"), { programId: program.id, list: "ledger" })).rejects.toMatchObject({ code: "not_found" });
    expect(CONSOLE_CSV_LISTS).toContain("members");
  });

  it("shows the button only to people who may export", async () => {
    expect(await canDownloadCsv(database.db, user(program, "analyst"), program.id)).toBe(true);
    expect(await canDownloadCsv(database.db, user(program, "staff"), program.id)).toBe(false);
    expect(await canDownloadCsv(database.db, user(other, "admin"), program.id)).toBe(false);
  });
});

describe("memberHistoryCsvStream", () => {
  it("streams one member's whole ledger, newest first, past the first page", async () => {
    const member = await createMember(database.db, { programId: program.id, name: "Historia Larga", email: `h-${randomUUID().slice(0, 8)}@example.com` });
    for (let i = 1; i <= 105; i += 1) await earnPoints(database.db, { programId: program.id, memberId: member.id, points: i }, new Date(Date.UTC(2026, 0, 1, 0, i)));
    const rows = await lines((await memberHistoryCsvStream(database.db, user(program, "analyst"), { programId: program.id, memberId: member.id })).stream);
    expect(rows[0]).toBe("entry_id,occurred_at,kind,category,points_change,points");
    expect(rows).toHaveLength(1 + 105);
    expect(rows[1]).toMatch(/^\d+,2026-01-01T01:45:00.000Z,earn,\w+,105,105$/);
    await expect(memberHistoryCsvStream(database.db, user(program, "staff"), { programId: program.id, memberId: member.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(memberHistoryCsvStream(database.db, user(program, "analyst"), { programId: program.id, memberId: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});
