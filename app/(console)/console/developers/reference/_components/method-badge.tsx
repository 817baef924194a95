import { clsx } from "clsx";

const TONES: Record<string, string> = {
  GET: "bg-brand-50 text-brand-800 ring-brand-200",
  POST: "bg-accent-100 text-accent-700 ring-accent-400/40",
  PATCH: "bg-surface-muted text-ink ring-line-strong",
  DELETE: "bg-accent-100 text-accent-700 ring-accent-400/40",
};

export function MethodBadge({ method }: { method: string }) {
  return <span className={clsx("inline-flex min-w-14 justify-center rounded px-2 py-0.5 font-mono text-xs font-bold ring-1", TONES[method] ?? TONES.PATCH)}>{method}</span>;
}
