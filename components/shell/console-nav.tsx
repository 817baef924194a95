import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/ui/icons";
import { NavLink } from "./nav-link";

/** Only pages that exist; later issues append their sections here. */
const items = [{ href: "/console", key: "home", icon: "home", match: "exact" }] as const satisfies readonly {
  href: string;
  key: "home";
  icon: IconName;
  match: "exact" | "prefix";
}[];

export function ConsoleNav() {
  const t = useTranslations();
  return (
    <nav aria-label={t("Common.mainNav")}>
      <p className="px-3 text-xs font-semibold tracking-wider text-ink-subtle uppercase">{t("Console.navSection")}</p>
      <ul className="mt-2 space-y-1">
        {items.map((item) => (
          <li key={item.href}>
            <NavLink
              href={item.href}
              match={item.match}
              className="flex items-center gap-3 rounded-control px-3 py-2 text-sm font-medium transition-colors"
              activeClassName="bg-brand-50 text-brand-800"
              inactiveClassName="text-ink-muted hover:bg-surface-muted hover:text-ink"
            >
              <Icon name={item.icon} className="size-[18px]" />
              {t(`Common.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
