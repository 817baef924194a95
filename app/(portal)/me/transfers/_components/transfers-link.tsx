import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/ui/icons";
import { getAppDb } from "@/lib/server/app-database";
import { programHasCoalition } from "@/lib/services/coalition/get-transfer-options";

/** On the member's home, only in programs linked into a coalition: the way to move points to a sister brand. */
export async function TransfersLink({ programId }: { programId: string }) {
  if (!(await programHasCoalition(await getAppDb(), programId))) return null;
  const t = await getTranslations("Transfers");
  return (
    <Link href="/me/transfers" className="flex items-center gap-3 rounded-card border border-line bg-surface p-4 shadow-card transition-colors hover:border-brand-200 hover:bg-brand-50/40" data-testid="transfers-link">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600">
        <Icon name="refresh" className="size-5" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block font-medium text-ink">{t("title")}</span>
      </span>
      <Icon name="arrowRight" className="size-4 text-ink-subtle" />
    </Link>
  );
}
