import type { PublishedCell, PublishedResult } from './suppression.js';
import type { IndicatorResult } from './types.js';

/** One line of a flat table (CSV, XLSX, terminal): a headline or one breakdown row. */
export interface FlatRow {
  readonly la: string;
  readonly indicator: string;
  readonly title: string;
  readonly year: number;
  readonly period: string;
  readonly breakdown: string;
  readonly key: string;
  readonly value: PublishedCell;
  readonly unit: string;
  readonly numerator: PublishedCell;
  readonly denominator: PublishedCell;
  readonly rate: PublishedCell;
  readonly note: string;
}

export const FLAT_COLUMNS: readonly (keyof FlatRow)[] = ['indicator', 'title', 'year', 'period', 'breakdown', 'key', 'value', 'unit', 'numerator', 'denominator', 'rate', 'note'];

/** Results (raw or publishable) as flat rows: the headline first, then its breakdown rows. */
export function flattenResults(results: readonly (IndicatorResult | PublishedResult)[]): FlatRow[] {
  const out: FlatRow[] = [];
  for (const r of results) {
    const base = { la: r.laCode, indicator: r.id, title: r.title, year: r.year, period: `${r.period.start} to ${r.period.end}`, unit: r.unit };
    out.push({ ...base, breakdown: 'total', key: '', value: r.value, numerator: r.numerator, denominator: r.denominator, rate: r.rate ?? null, note: r.note ?? '' });
    for (const b of r.breakdowns) {
      out.push({ ...base, breakdown: b.breakdown, key: b.key, value: b.value, numerator: b.numerator, denominator: b.denominator, rate: null, note: '' });
    }
  }
  return out;
}
