import { clsx } from "clsx";
import type { ReactNode } from "react";
import type { BadgeIcon } from "@/lib/domain/gamification/badges";

/* The badge icons challenges may give: drawn here (24×24, stroke), no external assets. */
const shapes: Record<BadgeIcon, ReactNode> = {
  star: <path d="m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5Z" />,
  trophy: (
    <>
      <path d="M8 4h8v5a4 4 0 0 1-8 0V4Z" />
      <path d="M8 6H5a3 3 0 0 0 3 4M16 6h3a3 3 0 0 1-3 4M12 13v4M8.5 20h7M10 17h4" />
    </>
  ),
  flame: <path d="M12 21a6 6 0 0 0 6-6c0-3.5-2.5-5.5-3.5-8.5-1 2-2 2.5-3 3C11.5 7 10.5 5 9 3.5 9 7 6 9.5 6 15a6 6 0 0 0 6 6Z" />,
  medal: (
    <>
      <path d="M8 3h3l2 5M16 3h-3" />
      <circle cx="12" cy="15" r="5.5" />
      <path d="m12 12.5.9 1.8 2 .3-1.5 1.4.4 2-1.8-1-1.8 1 .4-2-1.5-1.4 2-.3.9-1.8Z" />
    </>
  ),
  heart: <path d="M12 20s-7.5-4.4-7.5-10A4.3 4.3 0 0 1 12 7.4 4.3 4.3 0 0 1 19.5 10c0 5.6-7.5 10-7.5 10Z" />,
  bag: (
    <>
      <path d="M5 8h14l-1 12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1L5 8Z" />
      <path d="M9 10V6a3 3 0 0 1 6 0v4" />
    </>
  ),
  store: (
    <>
      <path d="M4 9.5 5.5 4h13L20 9.5a2.7 2.7 0 0 1-5.3 0 2.7 2.7 0 0 1-5.4 0 2.7 2.7 0 0 1-5.3 0Z" />
      <path d="M5.5 12v8h13v-8M10 20v-4.5h4V20" />
    </>
  ),
  rocket: (
    <>
      <path d="M14.5 4.5c2.5-1 4.5-1 5-.5s.5 2.5-.5 5L13 15l-4-4 5.5-6.5Z" />
      <path d="M9 11 5.5 10.5 4 12l4 1M13 15l.5 3.5L12 20l-1-4M6 18c.5-1.5 1.5-2 2.5-2" />
      <circle cx="15.5" cy="8.5" r="1.3" />
    </>
  ),
  crown: (
    <>
      <path d="m4 8 4 4 4-6 4 6 4-4-1.5 10h-13L4 8Z" />
      <path d="M6 20.5h12" />
    </>
  ),
  leaf: (
    <>
      <path d="M5 19c0-8 5-13 15-14-1 10-6 15-14 15" />
      <path d="M5 19c3-4 6-6.5 9.5-8.5" />
    </>
  ),
};

/** A badge's icon in a round medallion: colored when earned, grey while locked. */
export function BadgeIconView({ icon, earned = true, size = "md", className }: { icon: string; earned?: boolean; size?: "sm" | "md" | "lg"; className?: string }) {
  const shape = shapes[icon as BadgeIcon] ?? shapes.star;
  const box = size === "lg" ? "size-16" : size === "sm" ? "size-9" : "size-12";
  const glyph = size === "lg" ? "size-8" : size === "sm" ? "size-5" : "size-6";
  return (
    <span
      className={clsx(
        "inline-flex shrink-0 items-center justify-center rounded-full ring-2",
        earned ? "bg-gradient-to-br from-accent-400 to-accent-500 text-white ring-accent-100" : "bg-surface-muted text-ink-subtle ring-line",
        box,
        className,
      )}
      aria-hidden="true"
    >
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" focusable="false" className={glyph}>
        {shape}
      </svg>
    </span>
  );
}
