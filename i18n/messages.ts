import type base from "@/messages/es.json";
import type admin from "@/messages/admin.es.json";
import type auth from "@/messages/auth.es.json";
import type catalog from "@/messages/catalog.es.json";
import type developers from "@/messages/developers.es.json";
import type members from "@/messages/members.es.json";
import type plans from "@/messages/plans.es.json";
import type rewards from "@/messages/rewards.es.json";
import type webhooks from "@/messages/webhooks.es.json";
import type portal from "@/messages/portal.es.json";
import type segments from "@/messages/segments.es.json";
import type deskSales from "@/messages/desk-sales.es.json";
import type deskSearch from "@/messages/desk-search.es.json";
import type deskRedeem from "@/messages/desk-redeem.es.json";
import type analyticsDashboard from "@/messages/analytics-dashboard.es.json";
import type campaigns from "@/messages/campaigns.es.json";
import type analytics from "@/messages/analytics.es.json";
import type inbox from "@/messages/inbox.es.json";
import type programSettings from "@/messages/program-settings.es.json";
import type referrals from "@/messages/referrals.es.json";
import type csvExport from "@/messages/csv-export.es.json";
import type challenges from "@/messages/challenges.es.json";
import type simulation from "@/messages/simulation.es.json";
import type organization from "@/messages/organization.es.json";
import type businessAccounts from "@/messages/business-accounts.es.json";
import type { AppLocale } from "./config";

/**
 * The catalog is split by area (base shells, sign-in and identity pages,
 * console administration, plans, product catalog, rewards, developers,
 * members) so each area's texts live in their own files; namespaces must not
 * repeat across files.
 */
export type AppMessages = typeof base & typeof auth & typeof admin & typeof plans & typeof catalog & typeof rewards & typeof developers & typeof members & typeof webhooks & typeof portal & typeof deskSearch & typeof deskSales & typeof segments & typeof deskRedeem & typeof analyticsDashboard & typeof campaigns & typeof analytics & typeof inbox & typeof programSettings & typeof referrals & typeof csvExport & typeof challenges & typeof simulation & typeof organization & typeof businessAccounts;

/** Loads one locale's catalog; `satisfies` makes a key missing from English a type error. */
export async function loadMessages(locale: AppLocale): Promise<AppMessages> {
  if (locale === "en") {
    const [b, a, d, p, c, r, v, m, pt] = await Promise.all([
      import("@/messages/en.json"),
      import("@/messages/auth.en.json"),
      import("@/messages/admin.en.json"),
      import("@/messages/plans.en.json"),
      import("@/messages/catalog.en.json"),
      import("@/messages/rewards.en.json"),
      import("@/messages/developers.en.json"),
      import("@/messages/members.en.json"),
      import("@/messages/portal.en.json"),
    ]);
    const w = await import("@/messages/webhooks.en.json");
    const ds = await import("@/messages/desk-search.en.json");
    const sales = await import("@/messages/desk-sales.en.json");
    const sg = await import("@/messages/segments.en.json");
    const dr = await import("@/messages/desk-redeem.en.json");
    const ad = await import("@/messages/analytics-dashboard.en.json");
    const cp = await import("@/messages/campaigns.en.json");
    const an = await import("@/messages/analytics.en.json");
    const ib = await import("@/messages/inbox.en.json");
    const ps = await import("@/messages/program-settings.en.json");
    const rf = await import("@/messages/referrals.en.json");
    const ba = await import("@/messages/business-accounts.en.json");
    const ce = await import("@/messages/csv-export.en.json");
    const ch = await import("@/messages/challenges.en.json");
    const sim = await import("@/messages/simulation.en.json");
    const org = await import("@/messages/organization.en.json");
    return { ...b.default, ...a.default, ...d.default, ...p.default, ...c.default, ...r.default, ...v.default, ...m.default, ...w.default, ...pt.default, ...ds.default, ...sales.default, ...sg.default, ...dr.default, ...ad.default, ...cp.default, ...an.default, ...ib.default, ...ps.default, ...rf.default, ...ce.default, ...ch.default, ...sim.default, ...org.default, ...ba.default } satisfies AppMessages;
  }
  const [b, a, d, p, c, r, v, m, pt] = await Promise.all([
    import("@/messages/es.json"),
    import("@/messages/auth.es.json"),
    import("@/messages/admin.es.json"),
    import("@/messages/plans.es.json"),
    import("@/messages/catalog.es.json"),
    import("@/messages/rewards.es.json"),
    import("@/messages/developers.es.json"),
    import("@/messages/members.es.json"),
    import("@/messages/portal.es.json"),
  ]);
  const w = await import("@/messages/webhooks.es.json");
  const ds = await import("@/messages/desk-search.es.json");
  const sales = await import("@/messages/desk-sales.es.json");
  const sg = await import("@/messages/segments.es.json");
  const dr = await import("@/messages/desk-redeem.es.json");
  const ad = await import("@/messages/analytics-dashboard.es.json");
  const cp = await import("@/messages/campaigns.es.json");
  const an = await import("@/messages/analytics.es.json");
  const ib = await import("@/messages/inbox.es.json");
  const ps = await import("@/messages/program-settings.es.json");
  const rf = await import("@/messages/referrals.es.json");
  const ba = await import("@/messages/business-accounts.es.json");
  const ce = await import("@/messages/csv-export.es.json");
  const ch = await import("@/messages/challenges.es.json");
  const sim = await import("@/messages/simulation.es.json");
  const org = await import("@/messages/organization.es.json");
  return { ...b.default, ...a.default, ...d.default, ...p.default, ...c.default, ...r.default, ...v.default, ...m.default, ...w.default, ...pt.default, ...ds.default, ...sales.default, ...sg.default, ...dr.default, ...ad.default, ...cp.default, ...an.default, ...ib.default, ...ps.default, ...rf.default, ...ce.default, ...ch.default, ...sim.default, ...org.default, ...ba.default };
}
