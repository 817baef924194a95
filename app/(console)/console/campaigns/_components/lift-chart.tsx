"use client";

import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#279787", "#9ca3af", "#ea8540"];
const GRID = "#e5e7eb";
const axis = { fontSize: 12, fill: "#6b7280" };

export type LiftBar = { label: string; value: number; low?: number; high?: number };

/** Treatment and control means per member, and their difference with its 95 % interval as an error bar. */
export function LiftChart({ bars, format, testId }: { bars: LiftBar[]; format: "percent" | "number" | "money"; testId: string; currency?: string; locale: string }) {
  const data = bars.map((b) => ({ ...b, err: b.low !== undefined && b.high !== undefined ? [b.value - b.low, b.high - b.value] : [0, 0] }));
  // With nothing measured yet every bar is 0, and the automatic scale would run 0–4 (400 % for a share): show 0–1 instead.
  const flat = data.every((d) => d.value === 0 && !d.low && !d.high);
  const fmt = (v: number) => (format === "percent" ? `${(v * 100).toFixed(1)} %` : v.toLocaleString(undefined, { maximumSignificantDigits: 3 }));
  return (
    <div className="h-56" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 12, right: 8, bottom: 0, left: 0 }} barCategoryGap="28%">
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={{ stroke: GRID }} />
          <YAxis tick={axis} tickLine={false} axisLine={false} width={56} tickFormatter={fmt} domain={flat ? [0, 1] : undefined} />
          <ReferenceLine y={0} stroke="#9ca3af" />
          <Tooltip contentStyle={{ borderRadius: 8, borderColor: GRID, fontSize: 12 }} formatter={(v) => fmt(Number(v))} cursor={{ fill: "#f3f4f6" }} />
          <Bar dataKey="value" radius={[3, 3, 0, 0]} isAnimationActive={false}>
            {data.map((_, i) => (
              <Cell key={i} fill={COLORS[i % COLORS.length]} />
            ))}
            <ErrorBar dataKey="err" width={8} strokeWidth={1.5} stroke="#374151" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
