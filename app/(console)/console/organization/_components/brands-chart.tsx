"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format";

const GRID = "#e5e7eb";
const axis = { fontSize: 12, fill: "#6b7280" };
const tooltipStyle = { borderRadius: 8, borderColor: GRID, fontSize: 12 };

type Series = { key: string; label: string; color: string };
type BrandsChartProps = { data: Record<string, string | number>[]; series: Series[]; locale: string; testId: string };

function compact(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** One group of bars per brand (members and actives, or points issued and redeemed): a dumb chart, the page shapes the rows. */
export function BrandsChart({ data, series, locale, testId }: BrandsChartProps) {
  return (
    <div className="h-64" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="24%">
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="brand" tick={axis} tickLine={false} axisLine={{ stroke: GRID }} interval={0} />
          <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => compact(v, locale)} />
          <Tooltip contentStyle={tooltipStyle} formatter={(v) => formatCount(Number(v), locale)} cursor={{ fill: "#f3f4f6" }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} radius={[3, 3, 0, 0]} isAnimationActive={false} maxBarSize={48} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
