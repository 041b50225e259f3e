import { useMemo } from 'react';
import { Figure } from './Figure.js';
import { formatValue } from './format.js';

/** One forecast date with its quantiles (5th, 25th, 50th, 75th, 95th percentile). */
export interface FanPoint {
  date: string;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  actual?: number | null;
}

/**
 * A fan chart: the median line inside 50% and 90% bands, drawn as stacked areas (the lower
 * bound invisible, then the band widths), so the uncertainty is seen, not hidden.
 */
export function FanChart({ title, points, unit = 'count' }: { title: string; points: readonly FanPoint[]; unit?: string }) {
  const option = useMemo(() => {
    const dates = points.map((p) => p.date);
    const band = (name: string, values: number[], color: string | null) => ({
      type: 'line',
      name,
      stack: 'fan',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: color ? { color } : { opacity: 0 },
      data: values,
      tooltip: { show: false },
    });
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { data: ['Median', '50% range', '90% range', 'Actual'], top: 0 },
      xAxis: { type: 'category', data: dates, boundaryGap: false },
      yAxis: { type: 'value', scale: true },
      series: [
        band('base', points.map((p) => p.p5), null),
        band('90% range', points.map((p) => p.p25 - p.p5), 'rgba(29,112,184,0.15)'),
        band('50% range', points.map((p) => p.p75 - p.p25), 'rgba(29,112,184,0.35)'),
        band('90% range ', points.map((p) => p.p95 - p.p75), 'rgba(29,112,184,0.15)'),
        { type: 'line', name: 'Median', data: points.map((p) => p.p50), symbol: 'none', lineStyle: { width: 3, color: '#003078' } },
        { type: 'line', name: 'Actual', data: points.map((p) => p.actual ?? null), symbolSize: 6, lineStyle: { width: 2, color: '#0b0c0c', type: 'dashed' } },
      ],
    };
  }, [points]);
  const last = points[points.length - 1];
  const summary = last
    ? `${title}: by ${last.date} the median forecast is ${formatValue(last.p50, unit)}, with a 90% range of ${formatValue(last.p5, unit)} to ${formatValue(last.p95, unit)}.`
    : `${title}: no forecast points.`;
  return (
    <Figure
      title={title}
      option={option}
      summary={summary}
      columns={[
        { key: 'date', label: 'Date' },
        { key: 'actual', label: 'Actual', unit },
        { key: 'p5', label: '5th percentile', unit },
        { key: 'p25', label: '25th percentile', unit },
        { key: 'p50', label: 'Median', unit },
        { key: 'p75', label: '75th percentile', unit },
        { key: 'p95', label: '95th percentile', unit },
      ]}
      rows={points as unknown as Record<string, unknown>[]}
    />
  );
}
