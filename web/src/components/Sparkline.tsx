import type { YearValue } from '../api/types.js';
import { formatValue } from './format.js';

/** A tiny SVG trend line (no chart library: cards must paint instantly). Described in words for screen readers. */
export function Sparkline({ points, unit, width = 120, height = 32 }: { points: readonly YearValue[]; unit: string; width?: number; height?: number }) {
  const known = points.filter((p): p is { year: number; value: number } => typeof p.value === 'number');
  if (known.length < 2) return null;
  const values = known.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => 2 + (i * (width - 4)) / (known.length - 1);
  const y = (v: number) => height - 2 - ((v - min) * (height - 4)) / span;
  const path = known.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const label = `Trend from ${formatValue(first.value, unit)} in ${first.year} to ${formatValue(last.value, unit)} in ${last.year}`;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path d={path} fill="none" stroke="#1d70b8" strokeWidth="2" />
      <circle cx={x(known.length - 1)} cy={y(last.value)} r="3" fill="#1d70b8" />
    </svg>
  );
}
