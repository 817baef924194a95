import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { LogoMark } from "@/components/ui/logo";

type ProgramHeroProps = { programName: string; pointName: string };

/** The program presented as a membership card. */
export function ProgramHero({ programName, pointName }: ProgramHeroProps) {
  const t = useTranslations("Portal.home");
  return (
    <section
      className="relative overflow-hidden rounded-[1.25rem] bg-gradient-to-br from-brand-600 via-brand-700 to-brand-900 p-6 text-white shadow-raised sm:p-8"
      data-testid="program-hero"
    >
      <div aria-hidden="true" className="absolute -top-16 -right-16 size-56 rounded-full bg-white/10" />
      <div aria-hidden="true" className="absolute -right-10 -bottom-28 size-60 rounded-full bg-white/5" />
      <div className="relative">
        <div className="flex items-center justify-between">
          <p className="text-sm font-medium text-brand-100">{t("welcome")}</p>
          <LogoMark className="size-9 ring-1 ring-white/30 rounded-[9px]" />
        </div>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance">{programName}</h1>
        <p className="mt-3 max-w-md text-sm leading-relaxed text-brand-50/90">{t("intro", { pointName })}</p>
        <p className="mt-6 inline-flex items-center gap-2 rounded-full bg-white/15 px-3 py-1.5 text-sm font-medium">
          <Icon name="coins" className="size-4" />
          <span className="capitalize">{pointName}</span>
        </p>
      </div>
    </section>
  );
}
