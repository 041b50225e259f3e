/**
 * Every number a report prints goes through here: the indicator's value (or rate) for a year,
 * suppressed under the policy when the report is public, with its published comparators and rank.
 */
import type { Comparator } from '../narrative/compare.js';
import type { Figure } from '../narrative/format.js';
import { rankAmong, type Rank } from '../narrative/rank.js';
import { suppressFigure, type SuppressionPolicy } from '../privacy/suppress.js';
import type { BreakdownPoint, IndicatorPoint, Measure, ReportData } from '../model.js';

export const NEIGHBOURS_AREA = 'SN';

export interface Lookup {
  readonly data: ReportData;
  readonly policy: SuppressionPolicy | null;
  point(indicator: string, year: number): IndicatorPoint | undefined;
  figure(m: Measure, year: number): Figure;
  comparators(m: Measure, year: number): Comparator[];
  rank(m: Measure, year: number): Rank | null;
  breakdown(indicator: string, breakdown: string, year: number): readonly BreakdownPoint[];
  /** Suppresses a count that does not come from an indicator (caseloads, placements). */
  count(value: number | null): Figure;
}

export function createLookup(data: ReportData, policy: SuppressionPolicy | null): Lookup {
  const point = (indicator: string, year: number) => data.indicators[indicator]?.[year];
  const raw = (m: Measure, year: number): { figure: Figure; numerator: number | null; denominator: number | null } => {
    const p = point(m.indicator, year);
    if (!p) return { figure: { value: null, unit: m.unit, dp: m.dp, symbol: 'x' }, numerator: null, denominator: null };
    if (m.field === 'rate') {
      const v = p.rate ?? null;
      return { figure: { value: v, unit: m.unit, dp: m.dp, symbol: v === null ? 'x' : null }, numerator: p.value, denominator: null };
    }
    return { figure: { value: p.value, unit: m.unit, dp: m.dp, symbol: p.value === null ? 'x' : null }, numerator: p.numerator, denominator: p.denominator };
  };
  const figure = (m: Measure, year: number): Figure => {
    const r = raw(m, year);
    return policy ? suppressFigure(r, policy) : r.figure;
  };
  return {
    data,
    policy,
    point,
    figure,
    comparators(m, year) {
      const b = m.benchmark ? data.benchmarks[m.benchmark]?.[year] : undefined;
      if (!b) return [];
      const f = (value: number | null): Figure => ({ value, unit: m.unit, dp: m.dp, symbol: value === null ? 'x' : null });
      const out: Comparator[] = [];
      const base = { source: m.benchmark, year };
      // England first, as committee papers usually put the national figure first
      out.push({ ...base, name: 'the England average', area: 'E92000001', figure: f(b.england) });
      if (data.authority.regionCode) out.push({ ...base, name: `the ${data.authority.regionName ?? 'regional'} average`, area: data.authority.regionCode, figure: f(b.region) });
      out.push({ ...base, name: 'the statistical neighbour average', area: NEIGHBOURS_AREA, figure: f(b.neighbours) });
      return out;
    },
    rank(m, year) {
      const b = m.benchmark ? data.benchmarks[m.benchmark]?.[year] : undefined;
      const own = figure(m, year);
      if (!b || own.value === null || own.symbol) return null;
      return rankAmong(own.value, b.others);
    },
    breakdown(indicator, breakdown, year) {
      return point(indicator, year)?.breakdowns.filter((r) => r.breakdown === breakdown) ?? [];
    },
    count(value) {
      const f: Figure = { value, unit: 'count', symbol: value === null ? 'x' : null };
      return policy ? suppressFigure({ figure: f }, policy) : f;
    },
  };
}
