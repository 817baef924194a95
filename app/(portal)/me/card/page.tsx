import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Icon } from "@/components/ui/icons";
import { requireMember } from "@/lib/auth/session";
import { numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getMyCard } from "@/lib/services/members/member-card";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { BackHome } from "../_components/back-home";
import { PortalQueryProvider } from "../_components/portal-query-provider";
import { RegisterCardWorker } from "./_components/register-card-worker";
import { RotatingQr } from "./_components/rotating-qr";
import { cardBarcodeSvg, cardQrSvg } from "./_lib/card-codes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyCard"))("title") };
}

/** Member-only: the card staff scan — a rotating signed QR, the number as a Code 128 barcode, and as text. */
export default async function MemberCardPage() {
  const actor = await requireMember("/me/card");
  const db = await getAppDb();
  const [t, locale, clock, card] = await Promise.all([getTranslations("MyCard"), getLocale(), getProgramClock(db, actor.programId), getMyCard(db, actor)]);
  const qrSvg = await cardQrSvg(card.token);

  return (
    <div className="mx-auto max-w-md space-y-5">
      <RegisterCardWorker />
      <BackHome label={t("back")} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("intro")}</p>
      </div>
      <section className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid="member-card">
        <PortalQueryProvider>
          <RotatingQr initial={{ token: card.token, expiresAt: card.expiresAt, qrSvg }} numberLocale={numberLocale(locale, clock.locale)} timeZone={clock.timeZone} />
        </PortalQueryProvider>
        <div className="mt-6 border-t border-line pt-5 text-center">
          <div
            role="img"
            aria-label={t("barcodeLabel", { number: card.cardNumber })}
            className="mx-auto w-full max-w-72 bg-white p-2"
            data-testid="card-barcode"
            dangerouslySetInnerHTML={{ __html: cardBarcodeSvg(card.cardNumber) }}
          />
          <p className="mt-3 text-xs font-medium text-ink-subtle">{t("number")}</p>
          <p className="font-mono text-xl font-semibold tracking-widest text-ink" data-testid="card-number">
            {card.cardNumber}
          </p>
        </div>
      </section>
      <ul className="space-y-2 text-sm text-ink-muted">
        <li className="flex gap-2">
          <Icon name="refresh" className="mt-0.5 size-4 shrink-0 text-brand-600" />
          {t("rotates")}
        </li>
        <li className="flex gap-2">
          <Icon name="info" className="mt-0.5 size-4 shrink-0 text-brand-600" />
          {t("offlineHint")}
        </li>
        <li className="flex gap-2">
          <Icon name="home" className="mt-0.5 size-4 shrink-0 text-brand-600" />
          {t("install")}
        </li>
      </ul>
    </div>
  );
}
