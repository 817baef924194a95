import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { getProgramSettings } from "@/lib/services/programs/get-program-settings";
import { PROGRAM_LOCALES, programTimeZones } from "@/lib/validation/program-settings";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { ProgramSettingsForm } from "./_components/program-settings-form";
import { ReferralSettingsForm } from "./_components/referral-settings-form";
import { getReferralSettings } from "@/lib/services/referrals/referral-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ProgramSettings"))("title") };
}

/** "es-CL" → "español (Chile)" in the UI language; the tag itself when the runtime has no name for it. */
function localeLabel(tag: string, uiLocale: string): string {
  const name = new Intl.DisplayNames([uiLocale], { type: "language" }).of(tag) ?? tag;
  return `${name.charAt(0).toLocaleUpperCase(uiLocale)}${name.slice(1)} · ${tag}`;
}

/** Settings → Program: owners and admins edit (program:write); everyone else gets the "no access" state. */
export default async function ProgramSettingsPage() {
  const actor = await requireUser("/console/settings/program");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("ProgramSettings"), getLocale(), getAppDb()]);
  const result = await guardRead(() => getProgramSettings(db, actor, { programId: program.id }));
  if (!result.allowed) return <AccessDenied />;
  const settings = result.data;
  const referrals = await getReferralSettings(db, actor, { programId: program.id });
  // A program created with a tag or zone the lists lack (from the CLI, say) keeps it as an option.
  const locales = [...new Set<string>([...PROGRAM_LOCALES, settings.locale])].map((tag) => ({ value: tag, label: localeLabel(tag, locale) }));
  const zones = [...new Set([...programTimeZones(), settings.timeZone])];
  const currencyName = new Intl.DisplayNames([locale], { type: "currency" }).of(settings.currency) ?? settings.currency;

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <ProgramSettingsForm settings={settings} locales={locales} zones={zones} currencyName={currencyName} />
      <ReferralSettingsForm settings={referrals} />
    </>
  );
}
