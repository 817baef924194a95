import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { hasTrigram, searchDeskMembers } from "@/db/queries/desk-members";
import type { ProgramRow } from "@/db/queries/programs";
import type { Actor } from "@/lib/auth/actor";
import { cardTokenKey, signCardToken } from "@/lib/auth/member-card-token";
import { serverSecret } from "@/lib/auth/server-secret";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { createMember } from "@/lib/services/members/create-member";
import { updateMemberDetails } from "@/lib/services/members/update-member";
import { createStore } from "@/lib/services/stores/create-store";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { enrolAtDesk } from "./enrol-at-desk";
import { findDeskMembers } from "./find-desk-members";
import { getDeskMember } from "./get-desk-member";

const system: Actor = { kind: "system", label: "test" };
let database: Database;
let program: ProgramRow;
let storeX: string;
let storeY: string;
let staffX: Actor;
const people: Record<string, { id: string; cardNumber: string }> = {};

const staffOf = (p: ProgramRow, storeIds: string[], extra: string[] = []): Actor => ({
  kind: "user",
  userId: crypto.randomUUID(),
  email: "cashier@example.com",
  grants: [{ organizationId: p.organizationId, programId: p.id, role: "staff", storeIds, extraPermissions: extra }],
});

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  storeX = (await createStore(database.db, system, { programId: program.id, code: "X-1", name: "Tienda X" })).id;
  storeY = (await createStore(database.db, system, { programId: program.id, code: "Y-1", name: "Tienda Y" })).id;
  staffX = staffOf(program, [storeX]);
  for (const [key, name, email, phone] of [
    ["alicia", "Alicia Alfaro", "alicia@example.com", "+525511112222"],
    ["alicio", "Alicio Benítez", "alicio@example.com", "5533334444"],
    ["bruno", "Bruno Beta", "bruno@example.com", undefined],
    ["twinA", "Gemela Uno", "twin1@example.com", "5599990000"],
    ["twinB", "Gemela Dos", "twin2@example.com", "5599990000"],
  ] as const) {
    const m = await createMember(database.db, { programId: program.id, name, email, phone, consents: { terms: true } });
    people[key] = { id: m.id, cardNumber: m.cardNumber };
  }
  await earnPoints(database.db, { programId: program.id, memberId: people.alicia!.id, points: 120, reason: "Bienvenida", idempotencyKey: "desk-welcome" });
});

afterAll(async () => {
  await database?.close();
});

const find = (q: string, actor: Actor = staffX, storeId = storeX) => findDeskMembers(database.db, actor, { programId: program.id, storeId, q });

describe("findDeskMembers", () => {
  it("goes straight to the member for a card number, an exact email or a unique phone", async () => {
    expect(await find(people.bruno!.cardNumber)).toEqual({ outcome: "match", memberId: people.bruno!.id, via: "card" });
    expect(await find(" ALICIA@example.com")).toEqual({ outcome: "match", memberId: people.alicia!.id, via: "email" });
    // Stored with the country code, typed without it, with spaces.
    expect(await find("55 1111 2222")).toEqual({ outcome: "match", memberId: people.alicia!.id, via: "phone" });
  });

  it("lists members who share a phone instead of guessing", async () => {
    const result = await find("55 9999 0000");
    expect(result.outcome).toBe("list");
    if (result.outcome !== "list") return;
    expect(result.members.map((m) => m.id).sort()).toEqual([people.twinA!.id, people.twinB!.id].sort());
  });

  it("finds a name with a typo, the closest first", async () => {
    const result = await find("Alcia Alfaro");
    expect(result.outcome).toBe("list");
    if (result.outcome !== "list") return;
    expect(result.members[0]).toMatchObject({ id: people.alicia!.id, available: 120 });
    expect(result.members.map((m) => m.id)).not.toContain(people.bruno!.id);
  });

  it("finds the closest name among more namesakes than it scores (nearest first from the index)", async () => {
    const crowd = await makeProgram(database);
    // More near-misses than the candidate pool (5 × the 20 results): every one shares a word with the query.
    for (let i = 0; i < 130; i++) await createMember(database.db, { programId: crowd.id, name: i % 2 ? "Marta López" : "Mariano Lozano", email: `crowd${i}@example.com` });
    const mariana = await createMember(database.db, { programId: crowd.id, name: "Mariana López", email: "mariana@example.com" });
    const rows = await searchDeskMembers(database.db, { programId: crowd.id, query: { kind: "name", text: "mariana lopez", words: ["mariana", "lopez"] }, limit: 20 });
    expect(rows[0]!.id).toBe(mariana.id);
    expect(rows).toHaveLength(20);
    expect(rows.every((r, i) => i === 0 || r.score <= rows[i - 1]!.score)).toBe(true);
  });

  it("finds names typed without their accents, and a renamed member by the new name", async () => {
    const accents = await makeProgram(database);
    const raul = await createMember(database.db, { programId: accents.id, name: "Raúl Pérez Núñez", email: "raul@example.com" });
    const other = await createMember(database.db, { programId: accents.id, name: "Paula Gómez", email: "paula@example.com" });
    const search = (text: string) => searchDeskMembers(database.db, { programId: accents.id, query: { kind: "name", text, words: text.split(" ") }, limit: 10 });
    expect((await search("raul perez"))[0]?.id).toBe(raul.id);
    expect((await search("raúl nunez"))[0]?.id).toBe(raul.id);
    expect(await search("ximena")).toEqual([]);
    await updateMemberDetails(database.db, system, { programId: accents.id, memberId: other.id, changes: { name: "Ximena Gómez" } });
    expect((await search("ximena"))[0]?.id).toBe(other.id);
  });

  it("ranks by words without pg_trgm too", async () => {
    const rows = await searchDeskMembers(database.db, { programId: program.id, query: { kind: "name", text: "alicia alfaro", words: ["alicia", "alfaro"] }, limit: 10, trigram: false });
    expect(rows[0]!.id).toBe(people.alicia!.id);
    const partial = await searchDeskMembers(database.db, { programId: program.id, query: { kind: "name", text: "alcia alfaro", words: ["alcia", "alfaro"] }, limit: 10, trigram: false });
    expect(partial.map((r) => r.id)).toEqual([people.alicia!.id]);
  });

  it("detects pg_trgm once per database (PGlite bundles it)", async () => {
    const first = hasTrigram(database.db);
    expect(hasTrigram(database.db)).toBe(first);
    if (database.kind === "pglite") expect(await first).toBe(true);
  });

  it("never shows another program's members", async () => {
    const rival = await makeProgram(database);
    const rivalMember = await createMember(database.db, { programId: rival.id, name: "Alicia Alfaro", email: "alicia@example.com" });
    const byName = await find("Alicia Alfaro");
    expect(byName.outcome === "list" && byName.members.map((m) => m.id)).not.toContain(rivalMember.id);
    expect(await find(rivalMember.cardNumber)).toMatchObject({ outcome: "list", members: [] });
  });

  it("refuses a cashier at a store that is not theirs, and a store of another program", async () => {
    await expect(find("Bruno", staffX, storeY)).rejects.toMatchObject({ code: "forbidden" });
    const rival = await makeProgram(database);
    const rivalStore = (await createStore(database.db, system, { programId: rival.id, code: "R-1", name: "Rival" })).id;
    await expect(find("Bruno", system, rivalStore)).rejects.toMatchObject({ code: "not_found" });
    await expect(find("Bruno", staffOf(rival, [rivalStore]))).rejects.toMatchObject({ code: "not_found" });
  });

  it("resolves a scanned card token, and turns away stale, forged or foreign ones", async () => {
    const now = new Date();
    const key = cardTokenKey(serverSecret());
    const token = signCardToken(key, { programId: program.id, memberId: people.bruno!.id, now }).token;
    expect(await find(token)).toEqual({ outcome: "match", memberId: people.bruno!.id, via: "token" });
    const stale = signCardToken(key, { programId: program.id, memberId: people.bruno!.id, now: new Date(now.getTime() - 600_000) }).token;
    expect(await find(stale)).toEqual({ outcome: "token_refused", code: "card_token_expired" });
    const rival = await makeProgram(database);
    const foreign = signCardToken(key, { programId: rival.id, memberId: people.bruno!.id, now }).token;
    expect(await find(foreign)).toEqual({ outcome: "token_refused", code: "card_token_invalid" });
    expect(await find("LZ1.garbage")).toEqual({ outcome: "token_refused", code: "card_token_invalid" });
  });
});

describe("getDeskMember", () => {
  it("shows the member's points and explained activity, and what this cashier may do", async () => {
    const panel = await getDeskMember(database.db, staffX, { programId: program.id, storeId: storeX, memberId: people.alicia!.id });
    expect(panel.member).toMatchObject({ name: "Alicia Alfaro", cardNumber: people.alicia!.cardNumber });
    expect(panel.points.available).toBe(120);
    expect(panel.activity).toHaveLength(1);
    expect(panel.may).toEqual({ earn: true, redeem: true, adjust: false });
    const trusted = staffOf(program, [storeX], ["points:adjust"]);
    expect((await getDeskMember(database.db, trusted, { programId: program.id, storeId: storeX, memberId: people.alicia!.id })).may.adjust).toBe(true);
  });

  it("does not find another program's member, nor open the panel at someone else's store", async () => {
    const rival = await makeProgram(database);
    const stranger = await createMember(database.db, { programId: rival.id, name: "Extraño" });
    await expect(getDeskMember(database.db, staffX, { programId: program.id, storeId: storeX, memberId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getDeskMember(database.db, staffX, { programId: program.id, storeId: storeY, memberId: people.alicia!.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("enrolAtDesk", () => {
  it("enrols with the consents given, and the new member is found at once", async () => {
    const input = { programId: program.id, storeId: storeX, name: "Diana Delta", email: "Diana@Example.com", phone: "55 4444 1234", terms: true as const, marketing: true, personalization: false };
    const { memberId } = await enrolAtDesk(database.db, staffX, input);
    expect(await find("diana@example.com")).toEqual({ outcome: "match", memberId, via: "email" });
    await expect(enrolAtDesk(database.db, staffX, input)).rejects.toMatchObject({ code: "member_exists", details: { memberId } });
  });

  it("refuses without the terms, and writes nothing", async () => {
    const error = await enrolAtDesk(database.db, staffX, { programId: program.id, storeId: storeX, name: "Sin Términos", email: "noterms@example.com", terms: false as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_failed", fields: { terms: expect.any(Array) } });
    expect(await find("noterms@example.com")).toMatchObject({ outcome: "list", members: [] });
  });
});
