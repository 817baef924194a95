import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { Icon, type IconName } from "@/components/ui/icons";
import { AudienceCard } from "./_components/audience-card";

const audiences = [
  { key: "marketers", icon: "trendingUp", href: "/console" },
  { key: "members", icon: "idCard", href: "/me" },
  { key: "staff", icon: "store", href: "/staff" },
  { key: "integrators", icon: "code", href: "/api/v1" },
] as const satisfies readonly { key: string; icon: IconName; href: string }[];

const principles = [
  { key: "selfHosted", icon: "server" },
  { key: "openSource", icon: "heart" },
  { key: "bilingual", icon: "globe" },
] as const satisfies readonly { key: string; icon: IconName }[];

export default function LandingPage() {
  const t = useTranslations("Landing");
  return (
    <>
      <section className="relative overflow-hidden">
        {/* Soft brand glow behind the headline; purely decorative. */}
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 -top-40 h-[32rem] bg-[radial-gradient(ellipse_at_center,var(--color-brand-100),transparent_65%)]"
        />
        <div className="relative mx-auto max-w-3xl px-4 pt-20 pb-16 text-center sm:px-6 sm:pt-28">
          <p className="inline-flex items-center gap-2 rounded-full border border-brand-200 bg-surface/70 px-3 py-1 text-xs font-semibold text-brand-700">
            <Icon name="sparkles" className="size-3.5" />
            {t("hero.eyebrow")}
          </p>
          <h1 className="mt-6 text-4xl font-semibold tracking-tight text-balance text-ink sm:text-5xl">
            {t("hero.title")}
          </h1>
          <p className="mx-auto mt-5 max-w-2xl text-lg leading-relaxed text-pretty text-ink-muted">
            {t("hero.subtitle")}
          </p>
          <div className="mt-9 flex flex-col items-center justify-center gap-3 sm:flex-row">
            <ButtonLink href="/console" size="lg">
              {t("hero.primary")}
              <Icon name="arrowRight" className="size-5" />
            </ButtonLink>
            <ButtonLink href="/me" size="lg" variant="secondary">
              {t("hero.secondary")}
            </ButtonLink>
          </div>
        </div>
      </section>

      <section id="audiences" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <div className="max-w-2xl">
          <h2 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{t("audiences.title")}</h2>
          <p className="mt-3 text-ink-muted">{t("audiences.subtitle")}</p>
        </div>
        <div className="mt-10 grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
          {audiences.map((audience) => (
            <AudienceCard
              key={audience.key}
              icon={audience.icon}
              href={audience.href}
              title={t(`audiences.${audience.key}.title`)}
              body={t(`audiences.${audience.key}.body`)}
              cta={t(`audiences.${audience.key}.cta`)}
            />
          ))}
        </div>
      </section>

      <section id="principles" className="border-t border-line bg-surface">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{t("principles.title")}</h2>
          <dl className="mt-10 grid gap-8 md:grid-cols-3">
            {principles.map((principle) => (
              <div key={principle.key} className="flex gap-4">
                <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-accent-100 text-accent-700">
                  <Icon name={principle.icon} className="size-5" />
                </span>
                <div>
                  <dt className="font-semibold text-ink">{t(`principles.${principle.key}.title`)}</dt>
                  <dd className="mt-1.5 text-sm leading-relaxed text-ink-muted">
                    {t(`principles.${principle.key}.body`)}
                  </dd>
                </div>
              </div>
            ))}
          </dl>
        </div>
      </section>
    </>
  );
}
