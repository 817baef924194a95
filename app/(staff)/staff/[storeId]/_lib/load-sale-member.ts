import "server-only";
import { loadDeskStore, type DeskStoreContext } from "@/app/_data/desk-context";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { getDeskSaleMember, type DeskSaleMember } from "@/lib/services/desk/get-desk-sale-member";

export type SaleMemberPage = { kind: "ok"; here: DeskStoreContext; info: DeskSaleMember } | { kind: "no-store" } | { kind: "not-found" } | { kind: "forbidden" };

/** The member a purchase or adjustment screen works on, or why it can't be shown (the layout already checked the store). */
export async function loadSaleMember(storeId: string, memberId: string): Promise<SaleMemberPage> {
  const here = await loadDeskStore(storeId);
  if (!here) return { kind: "no-store" };
  try {
    const info = await getDeskSaleMember(await getAppDb(), here.actor, { programId: here.desk.program.id, storeId, memberId });
    return { kind: "ok", here, info };
  } catch (error) {
    if (isLazoError(error) && error.code === "not_found") return { kind: "not-found" };
    if (isLazoError(error) && error.code === "forbidden") return { kind: "forbidden" };
    throw error;
  }
}
