import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { ENGLAND_CODE, getValue, regionOf, statisticalNeighbours } from '../reference/index.js';
import { getIndicator, listIndicators } from './catalogue.js';
import { computeIndicators } from './engine.js';
import { roundHalfUp } from './rounding.js';
import type { IndicatorUnit, Polarity } from './types.js';

export interface TrendOptions {
  readonly laCode: string;
  /** Latest reporting year; the table covers `span` years ending with it (default 6, enough for a 5-year change). */
  readonly year: number;
  readonly span?: number;
  readonly indicators?: readonly string[];
}

export interface Comparators {
  /** Reference measure compared (src/reference), for the latest year. */
  readonly measure: string;
  readonly year: number;
  readonly england: number | null;
  readonly region: number | null;
  readonly regionName: string | null;
  /** Mean of the statistical neighbours' published values (DfE 2025 model), rounded like the indicator. */
  readonly statisticalNeighbours: number | null;
  readonly neighboursWithData: number;
}

export interface TrendRow {
  readonly id: string;
  readonly title: string;
  readonly unit: IndicatorUnit;
  /** What the years, changes and comparators are in: the value, or the rate per 10,000 for counts DfE publishes as a rate. */
  readonly measuredAs: 'value' | 'rate';
  readonly polarity: Polarity;
  readonly years: readonly { readonly year: number; readonly value: number | null }[];
  readonly latest: number | null;
  /** % change on the previous year and on five years before (1 dp); null without both values or from zero. */
  readonly change1y: number | null;
  readonly change5y: number | null;
  readonly comparators: Comparators | null;
}

/** Seeds' Table 1 / Table 2: several years of each indicator, 1- and 5-year change, and England / region / statistical neighbours. */
export async function trendTable(db: Kysely<Database>, options: TrendOptions): Promise<TrendRow[]> {
  const span = options.span ?? 6;
  const years = Array.from({ length: span }, (_, i) => options.year - span + 1 + i);
  const ids = options.indicators ?? listIndicators().filter((d) => d.units && d.aggregate !== 'distribution').map((d) => d.id);
  const results = await computeIndicators(db, { laCode: options.laCode, years, indicators: ids });
  return ids.map((id) => {
    const def = getIndicator(id)!;
    const asRate = def.rateDp !== undefined;
    const series = years.map((year) => {
      const r = results.find((x) => x.id === def.id && x.year === year);
      return { year, value: r ? (asRate ? (r.rate ?? null) : r.value) : null };
    });
    const at = (y: number) => series.find((s) => s.year === y)?.value ?? null;
    const latest = at(options.year);
    const measure = asRate ? def.rateReference : def.unit === 'count' ? undefined : def.reference;
    return {
      id: def.id,
      title: def.title,
      unit: asRate ? 'rate' : def.unit,
      measuredAs: asRate ? 'rate' : 'value',
      polarity: def.polarity,
      years: series,
      latest,
      change1y: percentChange(at(options.year - 1), latest),
      change5y: percentChange(at(options.year - 5), latest),
      comparators: measure ? comparators(options.laCode, measure, options.year, asRate ? def.rateDp! : def.dp) : null,
    };
  });
}

/** (now − then) ÷ then × 100, 1 dp half up. */
export function percentChange(then: number | null, now: number | null): number | null {
  if (then === null || now === null || then === 0) return null;
  return roundHalfUp(((now - then) / then) * 100, 1);
}

function safeValue(code: string, measure: string, year: number): number | null {
  try {
    return getValue(code, measure, year);
  } catch {
    return null; // an area or measure the reference data does not hold
  }
}

/** England, region and statistical-neighbour values of a reference measure for a year. */
export function comparators(laCode: string, measure: string, year: number, dp: number): Comparators {
  let region: ReturnType<typeof regionOf>;
  let neighbours: ReturnType<typeof statisticalNeighbours> = [];
  try {
    region = regionOf(laCode);
    neighbours = statisticalNeighbours(laCode);
  } catch {
    region = undefined;
  }
  const values = neighbours.map((n) => safeValue(n.code, measure, year)).filter((v): v is number => v !== null);
  return {
    measure,
    year,
    england: safeValue(ENGLAND_CODE, measure, year),
    region: region ? safeValue(region.code, measure, year) : null,
    regionName: region?.name ?? null,
    statisticalNeighbours: values.length ? roundHalfUp(values.reduce((s, v) => s + v, 0) / values.length, dp) : null,
    neighboursWithData: values.length,
  };
}
