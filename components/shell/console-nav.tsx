import { useTranslations } from "next-intl";
import { can, type Actor, type ProgramScope } from "@/lib/auth/actor";
import { Icon } from "@/components/ui/icons";
import { consoleNavItems } from "./console-nav-items";
import { NavLink } from "./nav-link";

type ConsoleNavProps = { actor: Actor; program: ProgramScope };

/** The entries of console-nav-items.ts the signed-in user may open in this program. */
export function ConsoleNav({ actor, program }: ConsoleNavProps) {
  const t = useTranslations();
  const items = consoleNavItems.filter((item) => can(actor, item.permission, program));
  return (
    <nav aria-label={t("Common.mainNav")}>
      <p className="px-3 text-xs font-semibold tracking-wider text-ink-subtle uppercase">{t("Console.navSection")}</p>
      <ul className="mt-2 space-y-1">
        {items.map((item) => (
          <li key={item.href}>
            <NavLink
              href={item.href}
              match={item.match ?? "prefix"}
              className="flex items-center gap-3 rounded-control px-3 py-2 text-sm font-medium transition-colors"
              activeClassName="bg-brand-50 text-brand-800"
              inactiveClassName="text-ink-muted hover:bg-surface-muted hover:text-ink"
            >
              <Icon name={item.icon} className="size-[18px]" />
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
