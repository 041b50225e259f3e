import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { ratePopulation } from '../reference/index.js';

export interface RatePopulation {
  readonly value: number | null;
  readonly midYear: number;
  readonly source: 'database' | 'reference' | 'none';
}

/**
 * DfE's denominator for rates in reporting year Y: the ONS mid-(Y−1) estimate of children aged
 * 0 to 17. An authority's own figure in `la_population` (year = mid-year) wins; otherwise the
 * shipped reference population (2025 vintage); otherwise none (rates are then null).
 */
export async function ratePopulations(db: Kysely<Database>, laCode: string, years: readonly number[]): Promise<Map<number, RatePopulation>> {
  const midYears = years.map((y) => y - 1);
  const rows = midYears.length
    ? await db.selectFrom('la_population').select(['year', 'population'])
        .where('la_code', '=', laCode).where('age_band', '=', '0-17').where('year', 'in', midYears).execute()
    : [];
  const fromDb = new Map(rows.map((r) => [r.year, r.population]));
  const out = new Map<number, RatePopulation>();
  for (const y of years) {
    const midYear = y - 1;
    const own = fromDb.get(midYear);
    if (own !== undefined) out.set(y, { value: own, midYear, source: 'database' });
    else {
      const ref = referencePopulation(laCode, y);
      out.set(y, ref === null ? { value: null, midYear, source: 'none' } : { value: ref, midYear, source: 'reference' });
    }
  }
  return out;
}

function referencePopulation(laCode: string, year: number): number | null {
  try {
    return ratePopulation(laCode, year);
  } catch {
    return null; // an authority the reference data does not know (for example a test code)
  }
}
