import { useTranslations } from "next-intl";
import { clsx } from "clsx";
import { Icon } from "@/components/ui/icons";
import type { RewardTarget } from "@/lib/domain/rewards/reward-target";

/** What a catalog target is called: the category's name, or the product's name with its SKU; its code once it left the catalog. */
export function useRewardTargetLabel(): (target: RewardTarget) => string {
  const t = useTranslations("RewardTarget");
  return (target) => {
    if (target.kind === "category") return target.name ?? t("missing", { code: target.code });
    return target.name ? t("sku", { name: target.name, sku: target.sku }) : t("missing", { code: target.sku });
  };
}

/** "Valid on: Footwear" under a reward (portal card, staff desk); nothing for a reward valid on the whole ticket. */
export function RewardTargetNote({ target, className }: { target: RewardTarget | null; className?: string }) {
  const t = useTranslations("RewardTarget");
  const label = useRewardTargetLabel();
  if (!target) return null;
  return (
    <p className={clsx("flex items-center gap-1.5 text-sm text-ink-muted", className)} data-testid="reward-target">
      <Icon name="bag" className="size-4 shrink-0 text-brand-600" />
      <span>{t("validOn", { target: label(target) })}</span>
    </p>
  );
}
