import { Badge } from "@/components/ui/badge";

/** A run's state: finished runs in brand colour, failures in the accent, runs under way with their percentage. */
export function StatusBadge({ status, percent, label }: { status: "queued" | "running" | "completed" | "failed"; percent: number; label: string }) {
  const tone = status === "completed" ? "brand" : status === "failed" ? "accent" : "neutral";
  return (
    <Badge tone={tone} data-testid="simulation-status" data-status={status}>
      {status === "running" ? `${label} · ${percent} %` : label}
    </Badge>
  );
}
