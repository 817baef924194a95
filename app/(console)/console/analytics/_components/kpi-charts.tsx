"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { currencyMinorDigits, formatCount, formatMoney, formatPoints } from "@/lib/format";

const BRAND = "#279787";
const BRAND_LIGHT = "#7bcfbf";
const ACCENT = "#ea8540";
const GRID = "#e5e7eb";
const TIER_COLORS = ["#7bcfbf", "#47b3a1", "#279787", "#1b796e", "#19625a", "#184f4a"];

const axis = { fontSize: 12, fill: "#6b7280" };
const tooltipStyle = { borderRadius: 8, borderColor: GRID, fontSize: 12 };

function compact(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

function dayLabel(day: string, granularity: "day" | "week" | "month", locale: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions = granularity === "month" ? { month: "short", year: "2-digit", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

type PointsChartProps = {
  data: { day: string; issued: number; redeemed: number; expired: number }[];
  granularity: "day" | "week" | "month";
  locale: string;
  labels: { issued: string; redeemed: string; expired: string };
};

/** Points issued, redeemed and expired per bucket. */
export function PointsChart({ data, granularity, locale, labels }: PointsChartProps) {
  return (
    <div className="h-72" data-testid="points-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="day" tick={axis} tickLine={false} axisLine={{ stroke: GRID }} tickFormatter={(d: string) => dayLabel(d, granularity, locale)} minTickGap={12} />
          <YAxis tick={axis} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => compact(v, locale)} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(d) => dayLabel(String(d), granularity, locale)} formatter={(v) => formatPoints(Number(v), locale)} cursor={{ fill: "#f3f4f6" }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="issued" name={labels.issued} fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="redeemed" name={labels.redeemed} fill={BRAND_LIGHT} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="expired" name={labels.expired} fill={ACCENT} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type MarginChartProps = {
  data: { day: string; members: number; nonMembers: number }[];
  granularity: "day" | "week" | "month";
  currency: string;
  locale: string;
  labels: { members: string; nonMembers: string };
};

/** Gross margin per bucket, members' and non-members' stacked; a group with no margin at all is left out of the legend. */
export function MarginChart({ data, granularity, currency, locale, labels }: MarginChartProps) {
  const scale = 10 ** currencyMinorDigits(currency);
  const axisMoney = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  const series = [
    { key: "members" as const, name: labels.members, fill: BRAND },
    { key: "nonMembers" as const, name: labels.nonMembers, fill: ACCENT },
  ].filter((s) => data.some((d) => d[s.key] !== 0));
  return (
    <div className="h-72" data-testid="margin-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="day" tick={axis} tickLine={false} axisLine={{ stroke: GRID }} tickFormatter={(d: string) => dayLabel(d, granularity, locale)} minTickGap={12} />
          <YAxis tick={axis} tickLine={false} axisLine={false} width={80} tickFormatter={(v: number) => axisMoney.format(v / scale)} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(d) => dayLabel(String(d), granularity, locale)} formatter={(v) => formatMoney(Number(v), currency, locale)} cursor={{ fill: "#f3f4f6" }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="margin" fill={s.fill} radius={i === series.length - 1 ? [3, 3, 0, 0] : [0, 0, 0, 0]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type TierChartProps = { data: { name: string; members: number }[]; locale: string; label: string };

/** Members per tier, one horizontal bar each. */
export function TierChart({ data, locale, label }: TierChartProps) {
  return (
    <div style={{ height: Math.max(160, data.length * 44 + 40) }} data-testid="tier-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis type="number" tick={axis} tickLine={false} axisLine={false} tickFormatter={(v: number) => compact(v, locale)} />
          <YAxis type="category" dataKey="name" tick={axis} tickLine={false} axisLine={false} width={96} />
          <Tooltip contentStyle={tooltipStyle} formatter={(v) => [formatCount(Number(v), locale), label]} cursor={{ fill: "#f3f4f6" }} />
          <Bar dataKey="members" name={label} radius={[0, 4, 4, 0]} isAnimationActive={false} barSize={22}>
            {data.map((_, i) => (
              <Cell key={i} fill={TIER_COLORS[i % TIER_COLORS.length]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type ClvChartProps = {
  data: { fromMinor: number; upperMinor: number | null; members: number }[];
  currency: string;
  locale: string;
  label: string;
  /** Tooltip templates with {amount}: a bin's upper bound, and the open-ended last bin's lower one. */
  upTo: string;
  orMore: string;
};

/** Members per CLV bin; each bar is labelled with its upper bound, the last (the tail) with its lower one. */
export function ClvChart({ data, currency, locale, label, upTo, orMore }: ClvChartProps) {
  const rows = data.map((d) => {
    const amount = formatMoney(d.upperMinor ?? d.fromMinor, currency, locale);
    return { members: d.members, bound: d.upperMinor === null ? `${amount}+` : amount, title: (d.upperMinor === null ? orMore : upTo).replace("{amount}", amount) };
  });
  const titles = new Map(rows.map((r) => [r.bound, r.title]));
  return (
    <div className="h-64" data-testid="clv-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="8%">
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="bound" tick={axis} tickLine={false} axisLine={{ stroke: GRID }} minTickGap={8} />
          <YAxis tick={axis} tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => compact(v, locale)} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(b) => titles.get(String(b)) ?? String(b)} formatter={(v) => [formatCount(Number(v), locale), label]} cursor={{ fill: "#f3f4f6" }} />
          <Bar dataKey="members" name={label} fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
