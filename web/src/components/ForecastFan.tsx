import { useMemo } from 'react';
import type { DatedQuantiles } from '../api/forecast-types.js';
import { Figure } from './Figure.js';
import { formatValue } from './format.js';

const BAND = 'rgba(29,112,184,0.18)';
const INNER = 'rgba(29,112,184,0.38)';

/**
 * A forecast fan: the median inside the 50% and 95% ranges of the simulated futures, drawn as
 * stacked areas (an invisible base, then the band widths), with the table of quantiles beside it.
 */
export function ForecastFan({ title, points, unit = 'count', description }: { title: string; points: readonly DatedQuantiles[]; unit?: string; description?: string }) {
  const option = useMemo(() => {
    const band = (name: string, values: (number | null)[], color: string | null) => ({
      type: 'line', name, stack: 'fan', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: color ? { color } : { opacity: 0 }, itemStyle: color ? { color } : undefined, data: values, tooltip: { show: false },
    });
    const gap = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { data: ['Median', '50% range', '95% range'], top: 0 },
      xAxis: { type: 'category', data: points.map((p) => p.date), boundaryGap: false },
      yAxis: { type: 'value', scale: true },
      series: [
        band('base', points.map((p) => p.p025), null),
        band('95% range', points.map((p) => gap(p.p25, p.p025)), BAND),
        band('50% range', points.map((p) => gap(p.p75, p.p25)), INNER),
        band('95% range', points.map((p) => gap(p.p975, p.p75)), BAND),
        { type: 'line', name: 'Median', data: points.map((p) => p.p50), symbol: 'none', lineStyle: { width: 3, color: '#003078' }, itemStyle: { color: '#003078' } },
      ],
    };
  }, [points]);
  const first = points[0];
  const last = points[points.length - 1];
  const summary = first && last
    ? `${title}: ${formatValue(first.p50, unit)} on ${first.date}; by ${last.date} the median forecast is ${formatValue(last.p50, unit)}, with a 95% range of ${formatValue(last.p025, unit)} to ${formatValue(last.p975, unit)}.`
    : `${title}: no forecast points.`;
  return (
    <Figure
      title={title}
      description={description}
      option={option}
      summary={summary}
      columns={[
        { key: 'date', label: 'Date' },
        { key: 'p025', label: '2.5th percentile', unit },
        { key: 'p25', label: '25th percentile', unit },
        { key: 'p50', label: 'Median', unit },
        { key: 'p75', label: '75th percentile', unit },
        { key: 'p975', label: '97.5th percentile', unit },
      ]}
      rows={points as unknown as Record<string, unknown>[]}
    />
  );
}
