import type { Permission } from "@/lib/auth/permissions";
import type { IconName } from "@/components/ui/icons";
import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { AppMessages } from "@/i18n/messages";

export type ConsoleNavItem = {
  href: string;
  /** A full message key, e.g. "Common.home" or "Admin.nav.team". */
  labelKey: MessageKeys<AppMessages, NestedKeyOf<AppMessages>>;
  icon: IconName;
  /** Shown only to users who hold this permission in the console's program. */
  permission: Permission;
  /** "exact" for a home page; "prefix" (default) for a section with sub-pages. */
  match?: "exact" | "prefix";
};

/** The console sidebar, in order. Sections append their entry here; ConsoleNav filters by permission. */
export const consoleNavItems: ConsoleNavItem[] = [
  { href: "/console", labelKey: "Common.home", icon: "home", permission: "program:read", match: "exact" },
  { href: "/console/organization", labelKey: "Organization.nav", icon: "globe", permission: "analytics:read" },
  { href: "/console/plans", labelKey: "Plans.nav", icon: "layers", permission: "plans:read" },
  { href: "/console/members", labelKey: "ConsoleMembers.nav", icon: "idCard", permission: "members:read" },
  { href: "/console/catalog", labelKey: "Catalog.nav", icon: "bag", permission: "plans:read" },
  { href: "/console/rewards", labelKey: "RewardsNav.rewards", icon: "gift", permission: "rewards:read" },
  { href: "/console/segments", labelKey: "Segments.nav", icon: "compass", permission: "segments:read" },
  { href: "/console/analytics", labelKey: "AnalyticsDashboard.nav", icon: "trendingUp", permission: "analytics:read", match: "exact" },
  { href: "/console/analytics/predictions", labelKey: "Predictions.nav", icon: "sparkles", permission: "analytics:read" },
  { href: "/console/campaigns", labelKey: "Campaigns.nav", icon: "sparkles", permission: "campaigns:read" },
  { href: "/console/challenges", labelKey: "Challenges.nav", icon: "trophy", permission: "campaigns:read" },
  { href: "/console/team", labelKey: "AdminNav.team", icon: "users", permission: "team:manage" },
  { href: "/console/developers/api-keys", labelKey: "AdminNav.apiKeys", icon: "key", permission: "keys:manage" },
  // The reference documents a public document, so every console reader may see it; keys stay with keys:manage.
  { href: "/console/developers/reference", labelKey: "ApiReference.nav", icon: "terminal", permission: "program:read" },
  { href: "/console/developers/webhooks", labelKey: "Webhooks.nav", icon: "server", permission: "webhooks:manage" },
  { href: "/console/settings/program", labelKey: "ProgramSettings.nav", icon: "sliders", permission: "program:write" },
  { href: "/console/settings/outbox", labelKey: "AdminNav.outbox", icon: "mail", permission: "outbox:read" },
  { href: "/console/settings/audit", labelKey: "AdminNav.audit", icon: "clipboard", permission: "audit:read" },
];
