import { clsx } from "clsx";

/** The Lazo mark: two interlocking loops (a "lazo" is a bond, a tie). */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={clsx("size-8", className)}>
      <rect width="32" height="32" rx="9" className="fill-brand-600" />
      <path
        d="M16 16c-2.6-3.6-7.5-4.2-7.5-.2s4.9 3.4 7.5-.1c2.6 3.5 7.5 4.1 7.5.1s-4.9-3.4-7.5.2Z"
        fill="none"
        stroke="white"
        strokeWidth="2.2"
        strokeLinejoin="round"
      />
      <circle cx="16" cy="16" r="1.6" className="fill-accent-400" />
    </svg>
  );
}

type LogoProps = { label: string; sublabel?: string; className?: string };

export function Logo({ label, sublabel, className }: LogoProps) {
  return (
    <span className={clsx("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span className="flex flex-col leading-tight">
        <span className="text-lg font-semibold tracking-tight text-ink">{label}</span>
        {sublabel ? <span className="text-xs font-medium text-ink-subtle">{sublabel}</span> : null}
      </span>
    </span>
  );
}
