import Link from "@/components/link";
import { Icon, type IconName } from "@/components/ui/icons";

/** A whole card that leads to another page of the portal: icon, title, one line of hint, arrow. */
export function CardLink({ href, icon, title, hint, testId }: { href: string; icon: IconName; title: string; hint: string; testId: string }) {
  return (
    <Link
      href={href}
      className="flex items-center gap-4 rounded-card border border-line bg-surface px-5 py-4 shadow-card transition-colors hover:border-brand-200 hover:bg-brand-50/40"
      data-testid={testId}
    >
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600">
        <Icon name={icon} className="size-5" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block font-medium text-ink">{title}</span>
        <span className="block text-sm text-ink-muted">{hint}</span>
      </span>
      <Icon name="arrowRight" className="size-5 shrink-0 text-ink-subtle" />
    </Link>
  );
}
