import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/ui/icons";

const steps = [
  { key: "identify", icon: "idCard" },
  { key: "earn", icon: "coins" },
  { key: "redeem", icon: "gift" },
] as const satisfies readonly { key: string; icon: IconName }[];

export function HowItWorks({ pointName }: { pointName: string }) {
  const t = useTranslations("Portal.home.howItWorks");
  return (
    <section id="how-it-works" aria-labelledby="how-it-works-title">
      <h2 id="how-it-works-title" className="text-lg font-semibold text-ink">
        {t("title")}
      </h2>
      <ol className="mt-4 grid gap-3 sm:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.key} className="rounded-card border border-line bg-surface p-4 shadow-card">
            <div className="flex items-center gap-3">
              <span className="flex size-10 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
                <Icon name={step.icon} className="size-5" />
              </span>
              <span className="text-xs font-semibold text-ink-subtle tabular-nums">0{index + 1}</span>
            </div>
            <h3 className="mt-3 font-semibold text-ink">{t(`${step.key}.title`, { pointName })}</h3>
            <p className="mt-1 text-sm leading-relaxed text-ink-muted">{t(`${step.key}.body`, { pointName })}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
