import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { computeIndicators, listIndicators, type IndicatorResult } from './index.js';
import { CRAFTED_LA, loadCraftedAuthority } from './test-fixtures/crafted-authority.js';
import { CRAFTED_EQUITY, CRAFTED_ETHNIC_POPULATION, CRAFTED_EXPECTED, CRAFTED_WBRI_CHI_SQUARE } from './test-fixtures/crafted-expectations.js';
import { chiSquarePValue1 } from './disproportionality.js';
import { roundHalfUp } from './rounding.js';

let t: TestDatabase;
let results: Map<string, IndicatorResult>;

beforeAll(async () => {
  t = await createTestDatabase();
  await loadCraftedAuthority(t.db);
  const all = await computeIndicators(t.db, {
    laCode: CRAFTED_LA, year: 2024, ethnicPopulation: CRAFTED_ETHNIC_POPULATION,
    breakdowns: ['team', 'band', 'category', 'factor', 'source_group', 'legal_status', 'placement_type', 'reason'],
  });
  results = new Map(all.map((r) => [r.id, r]));
});
afterAll(async () => t?.dispose());

describe('every indicator against hand-computed answers on the crafted authority (2024)', () => {
  it('covers every computable indicator in the catalogue', () => {
    const missing = listIndicators().map((d) => d.id).filter((id) => !(id in CRAFTED_EXPECTED) && !id.startsWith('EQ-'));
    expect(missing).toEqual([]);
  });

  for (const [id, expected] of Object.entries(CRAFTED_EXPECTED)) {
    it(`${id}: ${expected.why}`, () => {
      const r = results.get(id);
      expect(r, id).toBeDefined();
      expect(r!.value).toBe(expected.value);
      if (expected.numerator !== undefined) expect(r!.numerator).toBe(expected.numerator);
      if (expected.denominator !== undefined) expect(r!.denominator).toBe(expected.denominator);
      if (expected.rate !== undefined) expect(r!.rate).toBe(expected.rate);
      for (const [breakdown, keys] of Object.entries(expected.breakdowns ?? {})) {
        const got = Object.fromEntries(r!.breakdowns.filter((b) => b.breakdown === breakdown).map((b) => [b.key, b.value]));
        expect(got, `${id} by ${breakdown}`).toEqual(keys);
      }
    });
  }
});

describe('disproportionality (EQ-01 to EQ-03) on children looked after at 31 March', () => {
  it('rates per 10,000 and relative rate index by ethnic group', () => {
    for (const id of ['EQ-01', 'EQ-02'] as const) {
      const r = results.get(id)!;
      expect(r.value).toBe(CRAFTED_EQUITY[id].value);
      expect(Object.fromEntries(r.breakdowns.map((b) => [b.key, b.value]))).toEqual(CRAFTED_EQUITY[id].breakdowns);
    }
  });
  it('chi-square p-value for White British (1/3 + 1/14,997)', () => {
    const r = results.get('EQ-03')!;
    const wbri = r.breakdowns.find((b) => b.key === 'WBRI')!;
    expect(wbri.value).toBe(roundHalfUp(chiSquarePValue1(CRAFTED_WBRI_CHI_SQUARE), 4));
    expect(wbri.value).toBeCloseTo(0.5637, 3);
  });
  it('says what is missing without a population by ethnic group', async () => {
    const [r] = await computeIndicators(t.db, { laCode: CRAFTED_LA, year: 2024, indicators: ['EQ-01'] });
    expect(r!.value).toBeNull();
    expect(r!.note).toMatch(/population by ethnic group/);
  });
});

describe('periods, breakdowns and errors', () => {
  it('computes several years in one call; the previous year differs', async () => {
    const rows = await computeIndicators(t.db, { laCode: CRAFTED_LA, years: [2023, 2024], indicators: ['REF-01', 'CLA-01'] });
    const get = (id: string, y: number) => rows.find((r) => r.id === id && r.year === y)!;
    expect(get('REF-01', 2024).value).toBe(7);
    expect(get('REF-01', 2023).value).toBe(2); // R0 (1 Oct 2022) and R7 (31 Mar 2023); R4 is 2021/22
  });
  it('gives breakdowns by age band and sex that add up to the total', async () => {
    const [r] = await computeIndicators(t.db, { laCode: CRAFTED_LA, year: 2024, indicators: ['REF-01'], breakdowns: ['age_band', 'sex'] });
    const sum = (b: string) => r!.breakdowns.filter((x) => x.breakdown === b).reduce((s, x) => s + (x.value ?? 0), 0);
    expect(sum('age_band')).toBe(7);
    expect(sum('sex')).toBe(7);
    expect(Object.fromEntries(r!.breakdowns.filter((x) => x.breakdown === 'sex').map((x) => [x.key, x.value]))).toEqual({ F: 4, M: 3 });
  });
  it('rejects an unknown indicator and a bad authority code', async () => {
    await expect(computeIndicators(t.db, { laCode: CRAFTED_LA, year: 2024, indicators: ['NOPE-1'] })).rejects.toThrow(/unknown indicator "NOPE-1"/);
    await expect(computeIndicators(t.db, { laCode: '99', year: 2024 })).rejects.toThrow(/3 digits/);
  });
});
