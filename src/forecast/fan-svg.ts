import type { FanRow } from './summary.js';

/**
 * A fan chart as a standalone SVG (95/80/50% bands and the median) for reports and docs,
 * drawn from fan-chart rows of one series. The web app draws its own from the same rows.
 */
export function fanChartSvg(rows: readonly FanRow[], options: { title: string; width?: number; height?: number; actual?: readonly { date: string; value: number }[] }): string {
  const width = options.width ?? 720;
  const height = options.height ?? 360;
  const pad = { left: 56, right: 16, top: 36, bottom: 40 };
  const dates = rows.map((r) => r.date);
  const values = rows.flatMap((r) => [r.p025, r.p975]).concat((options.actual ?? []).map((a) => a.value));
  const lo = Math.floor(Math.min(...values) * 0.95);
  const hi = Math.ceil(Math.max(...values) * 1.05);
  const x = (i: number) => pad.left + (i / Math.max(1, dates.length - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - lo) / Math.max(1, hi - lo)) * (height - pad.top - pad.bottom);
  const band = (low: (r: FanRow) => number, high: (r: FanRow) => number) =>
    rows.map((r, i) => `${x(i).toFixed(1)},${y(high(r)).toFixed(1)}`).join(' ') + ' ' +
    rows.map((r, i) => `${x(i).toFixed(1)},${y(low(r)).toFixed(1)}`).reverse().join(' ');
  const ticks = Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);
  const years = dates.map((d, i) => ({ d, i })).filter(({ i }) => i % 12 === 0);
  const actual = (options.actual ?? [])
    .map((a) => ({ i: dates.indexOf(a.date), v: a.value }))
    .filter((a) => a.i >= 0)
    .map((a) => `<circle cx="${x(a.i).toFixed(1)}" cy="${y(a.v).toFixed(1)}" r="4" fill="#d4351c"><title>actual ${a.v}</title></circle>`)
    .join('');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${pad.left}" y="20" font-size="14" font-weight="bold">${escape(options.title)}</text>
${ticks.map((t) => `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#eee"/><text x="${pad.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${Math.round(t)}</text>`).join('\n')}
${years.map(({ d, i }) => `<text x="${x(i).toFixed(1)}" y="${height - pad.bottom + 18}" text-anchor="middle">${d}</text>`).join('\n')}
<polygon points="${band((r) => r.p025, (r) => r.p975)}" fill="#1d70b8" fill-opacity="0.15"><title>95% interval</title></polygon>
<polygon points="${band((r) => r.p10, (r) => r.p90)}" fill="#1d70b8" fill-opacity="0.25"><title>80% interval</title></polygon>
<polygon points="${band((r) => r.p25, (r) => r.p75)}" fill="#1d70b8" fill-opacity="0.35"><title>50% interval</title></polygon>
<polyline points="${rows.map((r, i) => `${x(i).toFixed(1)},${y(r.p50).toFixed(1)}`).join(' ')}" fill="none" stroke="#0b0c0c" stroke-width="2"/>
${actual}
</svg>
`;
}
