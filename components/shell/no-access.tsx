import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

type NoAccessProps = {
  surface: "console" | "staff";
  email: string;
  /** Where this user can go instead (e.g. store staff → the desk). */
  alternative?: "console" | "staff";
};

/** A signed-in user without any role for this surface: say so, and point to where they can work. */
export function NoAccess({ surface, email, alternative }: NoAccessProps) {
  const t = useTranslations("NoAccess");
  return (
    <div data-testid="no-access" data-access="denied" className="py-6">
      <EmptyState
        icon="alert"
        title={surface === "console" ? t("consoleTitle") : t("staffTitle")}
        action={
          alternative ? (
            <ButtonLink href={`/${alternative}`} size="lg">
              {alternative === "staff" ? t("toStaff") : t("toConsole")}
            </ButtonLink>
          ) : undefined
        }
      >
        <p>{surface === "console" ? t("consoleBody") : t("staffBody")}</p>
        <p className="text-xs text-ink-subtle">{t("signedInAs", { email })}</p>
      </EmptyState>
    </div>
  );
}
