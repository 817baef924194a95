import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import type { DeskSaleMember } from "@/lib/services/desk/get-desk-sale-member";

/** Who the screen is for: name, card, tier and points, with the way back to the member panel. */
export async function SaleMemberStrip({ info, backHref }: { info: DeskSaleMember; backHref: string }) {
  const [t, locale] = await Promise.all([getTranslations("DeskSales"), getLocale()]);
  const loc = numberLocale(locale, info.program.locale);
  return (
    <div className="flex flex-wrap items-center gap-4 rounded-card border border-line bg-surface px-5 py-4 shadow-card print:hidden" data-testid="sale-member">
      <span className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
        <Icon name="idCard" className="size-6" />
      </span>
      {/* At least room for the card number: on a phone the points wrap below rather than overlap it. */}
      <div className="min-w-0 flex-1 basis-52">
        <p className="truncate text-lg font-semibold text-ink">{info.member.name ?? t("noName")}</p>
        <p className="text-sm text-ink-muted">
          {t("memberCard", { card: info.member.cardNumber })}
          {info.tier ? (
            <Badge tone="brand" className="ml-2 align-middle">
              {localizedText(info.tier.name, locale)}
            </Badge>
          ) : null}
        </p>
      </div>
      <dl className="flex gap-6 text-right">
        <div>
          <dt className="text-xs text-ink-subtle">{t("available")}</dt>
          <dd className="text-xl font-semibold text-ink tabular-nums" data-testid="member-available">
            {formatPoints(info.points.available, loc)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-ink-subtle">{t("pending")}</dt>
          <dd className="text-xl font-semibold text-ink-muted tabular-nums">{formatPoints(info.points.pending, loc)}</dd>
        </div>
      </dl>
      <ButtonLink href={backHref} variant="secondary" size="lg" className="w-full sm:w-auto">
        <Icon name="arrowLeft" className="size-5" />
        {t("backToMember")}
      </ButtonLink>
    </div>
  );
}
