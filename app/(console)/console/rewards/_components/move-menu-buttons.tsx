"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/components/forms/form-state";
import { Icon } from "@/components/ui/icons";
import { moveMenuAction } from "../actions";

/** Up / down for one menu; a refusal (someone else removed it) shows under the buttons. */
export function MoveMenuButtons({ menuId, first, last }: { menuId: string; first: boolean; last: boolean }) {
  const t = useTranslations("RewardMenus");
  const [state, action, pending] = useActionState(moveMenuAction, {} as FormState);
  const button = "flex size-8 items-center justify-center rounded-control border border-line text-ink-muted hover:bg-surface-muted disabled:opacity-40";
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="menuId" value={menuId} />
      <div className="flex gap-1">
        <button type="submit" name="direction" value="up" disabled={first || pending} className={button} aria-label={t("moveUp")} title={t("moveUp")}>
          <Icon name="arrowLeft" className="size-4 rotate-90" />
        </button>
        <button type="submit" name="direction" value="down" disabled={last || pending} className={button} aria-label={t("moveDown")} title={t("moveDown")}>
          <Icon name="arrowRight" className="size-4 rotate-90" />
        </button>
      </div>
      {state.message ? <p className="mt-1 max-w-40 text-xs text-accent-700">{state.message.text}</p> : null}
    </form>
  );
}
