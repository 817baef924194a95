import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import type { Actor } from "@/lib/auth/actor";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { listMemberRewardMenus } from "./list-member-reward-menus";
import { createRewardMenu } from "./manage-menus";
import { createReward } from "./manage-rewards";

let database: Database;
let program: ProgramRow;
const system: Actor = { kind: "system", label: "test" };

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
});
afterAll(async () => database.close());

describe("listMemberRewardMenus", () => {
  it("groups what a member may redeem by menu in order, rewards outside menus last, with limits and affordability", async () => {
    const programId = program.id;
    const second = await createRewardMenu(database.db, system, { programId, name: { es: "Experiencias", en: "Experiences" } });
    const first = await createRewardMenu(database.db, system, { programId, name: { es: "Elige tu beneficio", en: "Choose your perk" } });
    const name = (es: string) => ({ es, en: es });
    const perk = await createReward(database.db, system, { programId, kind: "free_product", name: name("Postre"), pointsPrice: 40, menuId: first.id, stock: 3, perMemberLimit: 2 });
    const trip = await createReward(database.db, system, { programId, kind: "experience", name: name("Viaje"), pointsPrice: 900, menuId: second.id });
    const loose = await createReward(database.db, system, { programId, kind: "free_product", name: name("Café"), pointsPrice: 10 });
    await createReward(database.db, system, { programId, kind: "free_product", name: name("Agotado"), pointsPrice: 10, stock: 0, menuId: first.id });
    const { id: memberId } = await makeMember(database, programId);
    await earnPoints(database.db, { programId, memberId, points: 100 });

    const self: Actor = { kind: "member", programId, memberId };
    const { available, groups } = await listMemberRewardMenus(database.db, self, { programId, memberId });
    expect(available).toBe(100);
    expect(groups.map((g) => [g.menu?.id ?? null, g.rewards.map((r) => r.id)])).toEqual([
      [second.id, [trip.id]],
      [first.id, [perk.id]],
      [null, [loose.id]],
    ]);
    expect(groups[1]!.rewards[0]).toMatchObject({ price: 40, affordable: true, stock: 3, perMemberLimit: 2, periodLimit: null });
    expect(groups[0]!.rewards[0]).toMatchObject({ affordable: false });
  });

  it("refuses another member's list", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    const { id: otherId } = await makeMember(database, program.id);
    await expect(listMemberRewardMenus(database.db, { kind: "member", programId: program.id, memberId }, { programId: program.id, memberId: otherId })).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|not_found/) });
  });
});
