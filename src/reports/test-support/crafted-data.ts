/**
 * A hand-made ReportData for tests of the pure build and render steps: Barking and Dagenham's
 * 2015/16 figures where the seed gives them, plus small counts that must be suppressed.
 */
import type { Benchmark, IndicatorPoint, ReportData } from '../model.js';

const point = (id: string, year: number, value: number | null, extra: Partial<IndicatorPoint> = {}): IndicatorPoint => ({
  id,
  year,
  value,
  numerator: value,
  denominator: null,
  breakdowns: [],
  ...extra,
});

function series(id: string, values: Record<number, number | null>, rate?: Record<number, number>): Record<number, IndicatorPoint> {
  return Object.fromEntries(Object.entries(values).map(([y, v]) => [Number(y), point(id, Number(y), v, rate ? { rate: rate[Number(y)] ?? null } : {})]));
}

const bench = (england: number, region: number, neighbours: number, others: number[]): Benchmark => ({ england, region, neighbours, others });

export function craftedData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    authority: { code: '301', name: 'Barking and Dagenham', regionCode: 'E13000002', regionName: 'Outer London' },
    year: 2016,
    generatedOn: '2016-10-18',
    indicators: {
      'CON-01': series('CON-01', { 2011: 9765, 2012: 8683, 2013: 8363, 2014: 8856, 2015: 8515, 2016: 11393 }),
      'REF-01': series('REF-01', { 2011: 2704, 2012: 1812, 2013: 2586, 2014: 3126, 2015: 4084, 2016: 3255 }, { 2011: 546, 2012: 337, 2013: 470, 2014: 525, 2015: 691, 2016: 551 }),
      'CPP-01': {
        ...series('CPP-01', { 2011: 300, 2012: 320, 2013: 330, 2014: 340, 2015: 353, 2016: 253 }, { 2011: 51.2, 2012: 55, 2013: 57.1, 2014: 58.3, 2015: 60, 2016: 43 }),
      },
      // four children taken into police protection in 2016: must never be printed in public
      'PP-01': series('PP-01', { 2011: 30, 2012: 25, 2013: 22, 2014: 18, 2015: 12, 2016: 4 }),
      'CPP-07-AT31': {
        2015: point('CPP-07-AT31', 2015, 353, {
          breakdowns: [
            { breakdown: 'category', key: 'NEG', value: null, numerator: 120, denominator: 353 },
            { breakdown: 'category', key: 'PHY', value: null, numerator: 15, denominator: 353 },
            { breakdown: 'category', key: 'SAB', value: null, numerator: 6, denominator: 353 },
            { breakdown: 'category', key: 'EMO', value: null, numerator: 212, denominator: 353 },
          ],
        }),
        2016: point('CPP-07-AT31', 2016, 253, {
          breakdowns: [
            { breakdown: 'category', key: 'NEG', value: null, numerator: 100, denominator: 253 },
            { breakdown: 'category', key: 'PHY', value: null, numerator: 20, denominator: 253 },
            { breakdown: 'category', key: 'SAB', value: null, numerator: 3, denominator: 253 },
            { breakdown: 'category', key: 'EMO', value: null, numerator: 126, denominator: 253 },
            { breakdown: 'category', key: 'MUL', value: null, numerator: 4, denominator: 253 },
          ],
        }),
      },
    },
    benchmarks: {
      'referrals.rate': { 2016: bench(548, 478, 715, [300, 400, 500, 548, 600, 700, 800]), 2015: bench(548, 478, 715, []) },
      'cpp.at31.rate': {
        2016: bench(43.1, 39, 44.2, [10, 20, 25, 30, 35, 40, 42, 45, 50, 60]),
        2015: bench(42.9, 38, 44, []),
      },
    },
    availability: { metrics: { available: true }, workload: { available: true }, forecast: { available: false, reason: 'no episodes' } },
    workload: {
      date: '2016-03-31',
      standards: 'csc-default',
      teams: [
        { team: '=HYPERLINK("http://evil")', teamType: 'cp', locality: 'North', caseHolders: 5, fte: 4.5, cases: 95, averagePerWorker: 19, minPerFte: 14, maxPerFte: 24, capacity: 81, overCapacity: 16, agencyFte: 1 },
        { team: 'Disabled children', teamType: 'cwd', locality: null, caseHolders: 1, fte: 1, cases: 3, averagePerWorker: 3, minPerFte: 3, maxPerFte: 3, capacity: 18, overCapacity: 0, agencyFte: 0 },
      ],
      total: { team: 'All teams', teamType: null, locality: null, caseHolders: 6, fte: 5.5, cases: 98, averagePerWorker: 16.3, minPerFte: 3, maxPerFte: 24, capacity: 99, overCapacity: 16, agencyFte: 1 },
      plan: [{ team: 'North CP', role: 'social_worker', postsNeeded: 1, annualCost: 52000 }],
      planCost: 52000,
    },
    forecast: null,
    placementCosts: null,
    ...overrides,
  };
}
