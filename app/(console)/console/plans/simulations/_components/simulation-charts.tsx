"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatPoints } from "@/lib/format";

const CANDIDATE = "#ea8540";
const BASELINE = "#279787";
const GRID = "#e5e7eb";
const axis = { fontSize: 12, fill: "#6b7280" };
const tooltipStyle = { borderRadius: 8, borderColor: GRID, fontSize: 12 };

function compact(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

function monthLabel(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${month}-15T12:00:00Z`));
}

type Labels = { candidate: string; baseline: string };

/** Points issued per month under the simulated version and the live plan, side by side. */
export function MonthlyPointsChart({ data, locale, labels }: { data: { month: string; candidate: number; baseline: number }[]; locale: string; labels: Labels }) {
  return (
    <div className="h-72" data-testid="simulation-monthly-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="20%">
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="month" tick={axis} tickLine={false} axisLine={{ stroke: GRID }} tickFormatter={(m: string) => monthLabel(m, locale)} minTickGap={8} />
          <YAxis tick={axis} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => compact(v, locale)} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(m) => monthLabel(String(m), locale)} formatter={(v) => formatPoints(Number(v), locale)} cursor={{ fill: "#f3f4f6" }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="candidate" name={labels.candidate} fill={CANDIDATE} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="baseline" name={labels.baseline} fill={BASELINE} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Members per tier at the end of the window under each plan. */
export function TierMembersChart({ data, locale, labels }: { data: { name: string; candidate: number; baseline: number }[]; locale: string; labels: Labels }) {
  return (
    <div style={{ height: Math.max(180, data.length * 56 + 56) }} data-testid="simulation-tier-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap="24%">
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis type="number" tick={axis} tickLine={false} axisLine={false} tickFormatter={(v: number) => compact(v, locale)} allowDecimals={false} />
          <YAxis type="category" dataKey="name" tick={axis} tickLine={false} axisLine={false} width={96} />
          <Tooltip contentStyle={tooltipStyle} formatter={(v) => formatCount(Number(v), locale)} cursor={{ fill: "#f3f4f6" }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="candidate" name={labels.candidate} fill={CANDIDATE} radius={[0, 4, 4, 0]} isAnimationActive={false} />
          <Bar dataKey="baseline" name={labels.baseline} fill={BASELINE} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
