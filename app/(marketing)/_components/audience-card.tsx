import Link from "@/components/link";
import { Icon, type IconName } from "@/components/ui/icons";

type AudienceCardProps = {
  icon: IconName;
  title: string;
  body: string;
  cta: string;
  href: string;
};

export function AudienceCard({ icon, title, body, cta, href }: AudienceCardProps) {
  // The API is served by route handlers, so it gets a full page load.
  const isPage = !href.startsWith("/api/");
  const linkClass =
    "mt-5 inline-flex items-center gap-1.5 text-sm font-semibold text-brand-700 hover:text-brand-800 " +
    "after:absolute after:inset-0 after:rounded-card after:content-['']";
  const linkContent = (
    <>
      {cta}
      <Icon name="arrowRight" className="size-4 transition-transform group-hover:translate-x-0.5" />
    </>
  );
  return (
    <article className="group relative flex flex-col rounded-card border border-line bg-surface p-6 shadow-card transition-shadow hover:shadow-raised">
      <div className="flex items-center justify-between">
        <span className="flex size-11 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
          <Icon name={icon} className="size-5" />
        </span>
        <code className="rounded-md bg-surface-muted px-2 py-1 font-mono text-xs text-ink-muted">{href}</code>
      </div>
      <h3 className="mt-5 text-lg font-semibold text-ink">{title}</h3>
      <p className="mt-2 flex-1 text-sm leading-relaxed text-ink-muted">{body}</p>
      {isPage ? (
        <Link href={href} className={linkClass}>
          {linkContent}
        </Link>
      ) : (
        <a href={href} className={linkClass}>
          {linkContent}
        </a>
      )}
    </article>
  );
}
