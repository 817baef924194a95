import { getRewardMenu, insertRewardMenu, listRewardMenus, updateRewardMenu, type RewardMenuRow } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { parseInput } from "@/lib/validation/common";
import { createMenuSchema, moveMenuSchema, renameMenuSchema, reorderMenusSchema } from "@/lib/validation/rewards";
import type { z } from "zod";
import { requireProgram } from "./reward-access";

const describe = (d: { es: string; en: string } | null) => (d && (d.es || d.en) ? d : null);

/** A "choose your perk" menu: rewards grouped under one name in the portal. */
export async function createRewardMenu(db: Executor, actor: Actor, input: z.input<typeof createMenuSchema>): Promise<RewardMenuRow> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const data = parseInput(createMenuSchema, input);
  return db.transaction(async (tx) => {
    const sortOrder = (await listRewardMenus(tx, program.id)).length + 1;
    const menu = await insertRewardMenu(tx, { programId: program.id, name: data.name, description: describe(data.description), sortOrder });
    await recordAudit(tx, actor, { program, action: "reward_menu.create", targetType: "reward_menu", targetId: menu.id, after: menu });
    return menu;
  });
}

export async function renameRewardMenu(db: Executor, actor: Actor, input: z.input<typeof renameMenuSchema>): Promise<RewardMenuRow> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const data = parseInput(renameMenuSchema, input);
  return db.transaction(async (tx) => {
    const before = await getRewardMenu(tx, { programId: program.id, menuId: data.menuId });
    if (!before) throw new NotFoundError("menu", data.menuId);
    const after = (await updateRewardMenu(tx, { programId: program.id, menuId: data.menuId }, { name: data.name, description: describe(data.description) }))!;
    await recordAudit(tx, actor, { program, action: "reward_menu.update", targetType: "reward_menu", targetId: data.menuId, before, after });
    return after;
  });
}

/** Sets the menus' order to the list given, which must name every menu of the program once. */
export async function reorderRewardMenus(db: Executor, actor: Actor, input: z.input<typeof reorderMenusSchema>): Promise<RewardMenuRow[]> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const data = parseInput(reorderMenusSchema, input);
  return db.transaction(async (tx) => {
    const menus = await listRewardMenus(tx, program.id);
    const known = new Set(menus.map((m) => m.id));
    if (data.menuIds.length !== menus.length || new Set(data.menuIds).size !== menus.length || !data.menuIds.every((id) => known.has(id))) {
      throw new ValidationError({ menuIds: ["List every menu of the program exactly once."] });
    }
    for (const [i, menuId] of data.menuIds.entries()) await updateRewardMenu(tx, { programId: program.id, menuId }, { sortOrder: i + 1 });
    await recordAudit(tx, actor, { program, action: "reward_menu.reorder", targetType: "reward_menu", before: menus.map((m) => m.id), after: data.menuIds });
    return listRewardMenus(tx, program.id);
  });
}

export async function listMenus(db: Executor, actor: Actor, input: { programId: string }): Promise<RewardMenuRow[]> {
  const program = await requireProgram(db, input.programId);
  authorize(actor, "rewards:read", program);
  return listRewardMenus(db, program.id);
}

/** Moves one menu a place up or down (a no-op at either end). */
export async function moveRewardMenu(db: Executor, actor: Actor, input: { programId: string; menuId: string; direction: "up" | "down" }): Promise<RewardMenuRow[]> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const { menuId, direction } = parseInput(moveMenuSchema, { menuId: input.menuId, direction: input.direction });
  const ids = (await listRewardMenus(db, program.id)).map((m) => m.id);
  const from = ids.indexOf(menuId);
  if (from < 0) throw new NotFoundError("menu", menuId);
  const to = from + (direction === "up" ? -1 : 1);
  if (to < 0 || to >= ids.length) return listRewardMenus(db, program.id);
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return reorderRewardMenus(db, actor, { programId: program.id, menuIds: ids });
}
