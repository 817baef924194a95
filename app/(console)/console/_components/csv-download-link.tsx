import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { UserActor } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { canDownloadCsv } from "@/lib/services/exports/console-list-csv";

type CsvDownloadLinkProps = { href: string; actor: UserActor; programId: string; testId: string };

/** "Descargar CSV / Download CSV" for a console list; hidden from people without exports:read (the route refuses them anyway). */
export async function CsvDownloadLink({ href, actor, programId, testId }: CsvDownloadLinkProps) {
  const db = await getAppDb();
  if (!(await canDownloadCsv(db, actor, programId))) return null;
  const t = await getTranslations("CsvExport");
  return (
    <a href={href} download className={buttonClasses("secondary")} title={t("downloadHint")} data-testid={testId}>
      {t("download")}
    </a>
  );
}
