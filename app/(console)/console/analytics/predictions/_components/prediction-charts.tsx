"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const ACTUAL = "#279787";
const PREDICTED = "#ea8540";
const GRID = "#e5e7eb";
const axis = { fontSize: 12, fill: "#6b7280" };
const tooltipStyle = { borderRadius: 8, borderColor: GRID, fontSize: 12 };

const number = (value: number, locale: string, digits = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);

type HoldoutBucketsProps = {
  data: { label: string; customers: number; actual: number; predicted: number }[];
  locale: string;
  labels: { actual: string; predicted: string; frequency: string; customers: string };
};

/** Mean holdout repeat purchases per calibration-frequency bucket: actual against the model (the paper's Figure 4). */
export function HoldoutBucketsChart({ data, locale, labels }: HoldoutBucketsProps) {
  return (
    <div className="h-72" data-testid="holdout-buckets-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }} barCategoryGap="20%">
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={{ stroke: GRID }} label={{ value: labels.frequency, position: "insideBottom", offset: -8, fontSize: 12, fill: "#6b7280" }} />
          <YAxis tick={axis} tickLine={false} axisLine={false} width={40} />
          <Tooltip
            contentStyle={tooltipStyle}
            cursor={{ fill: "#f3f4f6" }}
            formatter={(v) => number(Number(v), locale)}
            labelFormatter={(label, payload) => `${labels.frequency}: ${String(label)} · ${labels.customers}: ${number(Number(payload?.[0]?.payload?.customers ?? 0), locale, 0)}`}
          />
          <Legend iconType="circle" iconSize={8} verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
          <Bar dataKey="actual" name={labels.actual} fill={ACTUAL} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="predicted" name={labels.predicted} fill={PREDICTED} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type TrackingProps = {
  data: { week: number; actual: number; predicted: number }[];
  calibrationWeeks: number;
  locale: string;
  labels: { actual: string; predicted: string; week: string; calibrationEnd: string };
};

/** Cumulative repeat purchases week by week, with the end of calibration marked (the paper's Figure 2). */
export function TrackingChart({ data, calibrationWeeks, locale, labels }: TrackingProps) {
  return (
    <div className="h-72" data-testid="holdout-tracking-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="week" type="number" domain={[1, "dataMax"]} tick={axis} tickLine={false} axisLine={{ stroke: GRID }} label={{ value: labels.week, position: "insideBottom", offset: -8, fontSize: 12, fill: "#6b7280" }} />
          <YAxis tick={axis} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => number(v, locale, 0)} />
          <Tooltip contentStyle={tooltipStyle} formatter={(v) => number(Number(v), locale, 0)} labelFormatter={(w) => `${labels.week} ${String(w)}`} />
          <Legend iconType="plainline" verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
          <ReferenceLine x={calibrationWeeks} stroke="#9ca3af" strokeDasharray="4 4" label={{ value: labels.calibrationEnd, position: "insideTopLeft", fontSize: 11, fill: "#6b7280" }} />
          <Line type="monotone" dataKey="actual" name={labels.actual} stroke={ACTUAL} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="predicted" name={labels.predicted} stroke={PREDICTED} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

type HistogramProps = { data: { label: string; count: number }[]; locale: string; label: string; testId: string };

/** Members per band (p(alive), CLV). */
export function HistogramChart({ data, locale, label, testId }: HistogramProps) {
  return (
    <div className="h-60" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="8%">
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" tick={{ ...axis, fontSize: 11 }} tickLine={false} axisLine={{ stroke: GRID }} interval={0} angle={-30} textAnchor="end" height={48} />
          <YAxis tick={axis} tickLine={false} axisLine={false} width={44} tickFormatter={(v: number) => number(v, locale, 0)} />
          <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "#f3f4f6" }} formatter={(v) => [number(Number(v), locale, 0), label]} />
          <Bar dataKey="count" name={label} fill={ACTUAL} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
