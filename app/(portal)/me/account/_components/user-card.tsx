"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Badge } from "@/components/ui/badge";
import type { BusinessUserRole } from "@/lib/domain/business-accounts/user-permissions";
import { removeBuyerAction, updateBuyerAction } from "../actions";
import { RoleFields } from "./role-fields";

export type UserCardData = {
  memberId: string;
  name: string;
  email: string | null;
  role: BusinessUserRole;
  limit: number | null;
  /** Already formatted for the page's locale. */
  limitText: string | null;
  redeemedText: string;
  earnedText: string;
  purchases: number;
  isSelf: boolean;
};

/** One buyer on the admin's view: who, what they may do, what they bought and redeemed; edit and remove behind a disclosure. */
export function UserCard({ user, pointName }: { user: UserCardData; pointName: string }) {
  const t = useTranslations("MyAccount");
  const [saved, save] = useActionState(updateBuyerAction, emptyFormState);
  const [removed, remove] = useActionState(removeBuyerAction, emptyFormState);
  const prefix = `user-${user.memberId.slice(0, 8)}`;
  return (
    <li className="px-4 py-4" data-testid="account-user" data-email={user.email ?? ""} data-role={user.role}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium text-ink">
            {user.name}
            {user.isSelf ? <span className="ml-1.5 text-xs font-normal text-ink-subtle">({t("you")})</span> : null}
          </p>
          {user.email ? <p className="truncate text-xs text-ink-subtle">{user.email}</p> : null}
        </div>
        <Badge tone={user.role === "manage" ? "brand" : "neutral"}>{t(`role.${user.role}`)}</Badge>
      </div>
      <p className="mt-2 text-sm text-ink-muted" data-testid="account-user-earned">
        {t("earnedLine", { purchases: user.purchases, points: user.earnedText, pointName })}
      </p>
      <p className="text-sm text-ink-muted" data-testid="account-user-limit">
        {user.limitText === null ? t("limitNone", { redeemed: user.redeemedText }) : t("limitLine", { limit: user.limitText, redeemed: user.redeemedText })}
      </p>
      <details className="group mt-3 rounded-control border border-line">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-brand-700">{t("edit")}</summary>
        <div className="space-y-4 border-t border-line p-3">
          <form action={save} className="space-y-4" aria-describedby={`${prefix}-message`}>
            <input type="hidden" name="memberId" value={user.memberId} />
            <RoleFields idPrefix={prefix} role={saved.values?.role || user.role} limit={saved.values?.monthlyRedemptionLimit ?? (user.limit === null ? "" : String(user.limit))} pointName={pointName} errors={saved.fieldErrors} />
            <FormMessage id={`${prefix}-message`} message={saved.message} />
            <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-auto">{t("save")}</SubmitButton>
          </form>
          {user.isSelf ? null : (
            <form action={remove} className="border-t border-line pt-3" aria-describedby={`${prefix}-remove-message`}>
              <input type="hidden" name="memberId" value={user.memberId} />
              <FormMessage id={`${prefix}-remove-message`} message={removed.message} />
              <SubmitButton variant="secondary" pendingLabel={t("removing")} className="w-full sm:w-auto">{t("remove")}</SubmitButton>
            </form>
          )}
        </div>
      </details>
    </li>
  );
}
