/** Published comparators from the shipped DfE reference data (src/reference): England, region, neighbours, every LA. */
import { getValue, listAuthorities, statisticalNeighbours } from '../../reference/index.js';
import type { Benchmark } from '../model.js';

/** Mean of the neighbours' published values, when at least half of them published one. */
export function neighbourAverage(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0 || known.length * 2 < values.length) return null;
  return known.reduce((s, v) => s + v, 0) / known.length;
}

export function benchmarksFor(laCode: string, regionCode: string | null, measures: readonly string[], years: readonly number[]): Record<string, Record<number, Benchmark>> {
  const neighbours = statisticalNeighbours(laCode).map((n) => n.code);
  const others = listAuthorities().filter((a) => a.code !== laCode).map((a) => a.code);
  const out: Record<string, Record<number, Benchmark>> = {};
  for (const measure of measures) {
    const perYear: Record<number, Benchmark> = {};
    for (const year of years) {
      const value = (code: string) => {
        try {
          return getValue(code, measure, year);
        } catch {
          return null;
        }
      };
      perYear[year] = {
        england: value('E92000001'),
        region: regionCode ? value(regionCode) : null,
        neighbours: neighbourAverage(neighbours.map(value)),
        others: others.map(value),
      };
    }
    out[measure] = perYear;
  }
  return out;
}
