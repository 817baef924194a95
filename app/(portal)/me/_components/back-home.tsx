import Link from "@/components/link";
import { Icon } from "@/components/ui/icons";

/** The portal sub-pages' way back to the member's home. */
export function BackHome({ label }: { label: string }) {
  return (
    <Link href="/me" className="inline-flex min-h-11 items-center gap-1.5 text-sm font-medium text-ink-muted hover:text-ink">
      <Icon name="arrowLeft" className="size-4" />
      {label}
    </Link>
  );
}
