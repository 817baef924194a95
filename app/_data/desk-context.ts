import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { requireUser, type UserActor } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getDeskContext, type DeskContext, type DeskStore } from "@/lib/services/stores/list-desk-stores";

/** The signed-in user and their desk (program + the stores they may work at), or null without `desk:use`. */
export const loadDeskContext = cache(async (): Promise<{ actor: UserActor; desk: DeskContext | null }> => {
  await connection();
  const actor = await requireUser("/staff");
  return { actor, desk: await getDeskContext(await getAppDb(), actor) };
});

export type DeskStoreContext = { actor: UserActor; desk: DeskContext; store: DeskStore };

/**
 * The desk at one store, for every page under /staff/[storeId]: null when the
 * user has no desk or may not work at that store (another program's store, a
 * store not assigned, a malformed id). Services still check the store again.
 */
export const loadDeskStore = cache(async (storeId: string): Promise<DeskStoreContext | null> => {
  const { actor, desk } = await loadDeskContext();
  const store = desk?.stores.find((candidate) => candidate.id === storeId);
  return desk && store ? { actor, desk, store } : null;
});
