import type { ReactNode } from "react";
import { loadDeskContext, loadDeskStore } from "@/app/_data/desk-context";
import { StorePicker } from "../_components/store-picker";
import { DeskNav } from "./_components/desk-nav";

type DeskStoreLayoutProps = { children: ReactNode; params: Promise<{ storeId: string }> };

/**
 * Every counter screen works at one store, named in the path. A store this
 * user may not work at (unassigned, another program's, made up) shows the
 * picker with a warning instead of the screen.
 */
export default async function DeskStoreLayout({ children, params }: DeskStoreLayoutProps) {
  const { storeId } = await params;
  const here = await loadDeskStore(storeId);
  if (!here) {
    const { desk } = await loadDeskContext();
    // Without a desk the parent layout already says "no access".
    return desk ? <StorePicker stores={desk.stores} unknownStore /> : null;
  }
  return (
    <div className="space-y-6">
      <DeskNav storeId={here.store.id} />
      {children}
    </div>
  );
}
