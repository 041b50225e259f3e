import { describe, expect, it } from 'vitest';
import { getMeasure, listAuthorities, measureYears, ratePopulation } from '../reference/index.js';
import { ratioHalfUp } from './rounding.js';

/**
 * From the DfE counts and populations shipped in data/reference, the rate per 10,000 computed the
 * way computeIndicators does (count ÷ mid-(Y−1) population × 10,000, half up) equals the rate DfE
 * published, for every authority and year. The CLA rates are DfE's printed figures; the CIN-family
 * rates are stored recomputed with the 2025-vintage population (see data/reference/README.md:
 * the 2024 release printed 2023 and 2024 CIN rates on the unrevised population, so some differ
 * there by 0.1 — a known, documented difference, not a definition difference).
 */
const PAIRS: [count: string, rate: string, dp: number][] = [
  ['cla.at31', 'cla.at31.rate', 0], ['cla.started', 'cla.started.rate', 0], ['cla.ceased', 'cla.ceased.rate', 0],
  ['cin.at31', 'cin.at31.rate', 1], ['referrals', 'referrals.rate', 1], ['assessments', 'assessments.rate', 1],
  ['s47', 's47.rate', 1], ['icpc', 'icpc.rate', 1], ['cpp.at31', 'cpp.at31.rate', 1], ['cpp.started', 'cpp.started.rate', 1],
  ['cpp.ended', 'cpp.ended.rate', 1], ['cin_plans.at31', 'cin_plans.at31.rate', 1],
];

describe('rates per 10,000 reproduce DfE for every authority and year', () => {
  for (const [countId, rateId, dp] of PAIRS) {
    it(`${rateId}`, () => {
      const span = measureYears(rateId)!;
      const mismatches: string[] = [];
      let compared = 0;
      for (const la of listAuthorities({ includeFormer: true })) {
        for (let year = span.firstYear; year <= span.lastYear; year++) {
          const count = getMeasure(la.code, countId, year)?.value ?? null;
          const published = getMeasure(la.code, rateId, year)?.value ?? null;
          const population = ratePopulation(la.code, year);
          if (count === null || published === null || population === null) continue; // suppressed or not published
          compared++;
          const ours = ratioHalfUp(count, population, 10_000, dp);
          if (ours !== published) mismatches.push(`${la.code} ${year}: ${count} / ${population} = ${ours}, published ${published}`);
        }
      }
      expect(compared).toBeGreaterThan(100);
      expect(mismatches).toEqual([]);
    });
  }
});
