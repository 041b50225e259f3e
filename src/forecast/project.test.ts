import { describe, expect, it } from 'vitest';
import { project } from './project.js';
import { closeForecastWorkers, runMonteCarlo } from './parallel.js';
import { buildPlan, compileScenario, timeline } from './compile.js';
import { seriesValues } from './summary.js';
import { toDayNumber } from '../calendar/index.js';
import type { ForecastModel, StockChild } from './types.js';

/**
 * A two-state chain (A, B, plus leaving) with known daily rates and constant entries into A:
 * the engine's mean and variance must match the exact answer from the matrix exponential.
 */
const a = 0.002; // A → B
const muA = 0.001; // A → left
const b = 0.003; // B → A
const muB = 0.0005; // B → left
const lambda = 0.5; // entries a day into A

function tinyModel(exposure = 1e6): ForecastModel {
  return {
    subject: 'tiny', windowStart: '2024-01-01', windowEnd: '2026-09-27', windowDays: 1000,
    ageBands: [{ label: '0 to 18', fromYears: 0, toYears: 18 }], categories: ['A', 'B'], exitReasons: ['left'],
    maxAgeYears: 18, separateUasc: false,
    // events[state × 3 + dest]: dest 0 = A, 1 = B, 2 = left.
    events: [0, a * exposure, muA * exposure, b * exposure, 0, muB * exposure],
    exposure: [exposure, exposure],
    priorShape: [0, 0, 0, 0, 0, 0], priorRate: [0, 0, 0, 0, 0, 0],
    entries: [lambda * 1000, 0, 0, 0], entryAges: [[365], [], [], []], entryShape: 0,
    inHouseShare: [Number.NaN, Number.NaN], children: 0, quality: [],
    drift: { entriesSd: 0, hazardSd: 0, years: 0, source: 'set' },
  };
}

const origin = '2025-03-31';
const stock: StockChild[] = [
  ...Array.from({ length: 100 }, (_, i) => ({ key: `a${i}`, dobDay: toDayNumber('2023-03-31'), category: 0, uasc: false })),
  ...Array.from({ length: 50 }, (_, i) => ({ key: `b${i}`, dobDay: toDayNumber('2023-03-31'), category: 1, uasc: false })),
];

type M2 = [[number, number], [number, number]];
const mul = (x: M2, y: M2): M2 => [
  [x[0][0] * y[0][0] + x[0][1] * y[1][0], x[0][0] * y[0][1] + x[0][1] * y[1][1]],
  [x[1][0] * y[0][0] + x[1][1] * y[1][0], x[1][0] * y[0][1] + x[1][1] * y[1][1]],
];
/** exp(M) by scaling and squaring with a 30-term Taylor series: exact to rounding for this size. */
function expm(m: M2): M2 {
  const k = 10;
  const s: M2 = [[m[0][0] / 2 ** k, m[0][1] / 2 ** k], [m[1][0] / 2 ** k, m[1][1] / 2 ** k]];
  let term: M2 = [[1, 0], [0, 1]];
  let sum: M2 = [[1, 0], [0, 1]];
  for (let n = 1; n < 30; n++) {
    term = mul(term, s).map((row) => row.map((v) => v / n)) as M2;
    sum = [[sum[0][0] + term[0][0], sum[0][1] + term[0][1]], [sum[1][0] + term[1][0], sum[1][1] + term[1][1]]];
  }
  for (let i = 0; i < k; i++) sum = mul(sum, sum);
  return sum;
}

function exact(T: number) {
  // dx/dt = M x + λ e_A with x = (A, B).
  const M: M2 = [[-(a + muA), b], [a, -(b + muB)]];
  const E = expm([[M[0][0] * T, M[0][1] * T], [M[1][0] * T, M[1][1] * T]]);
  const det = M[0][0] * M[1][1] - M[0][1] * M[1][0];
  const inv: M2 = [[M[1][1] / det, -M[0][1] / det], [-M[1][0] / det, M[0][0] / det]];
  const EminusI: M2 = [[E[0][0] - 1, E[0][1]], [E[1][0], E[1][1] - 1]];
  const entrants = mul(inv, EminusI);
  const fromEntries = [entrants[0][0] * lambda, entrants[1][0] * lambda];
  const pA = E[0][0] + E[1][0]; // a child starting in A is still in care
  const pB = E[0][1] + E[1][1];
  const mean = [100 * E[0][0] + 50 * E[0][1] + fromEntries[0]!, 100 * E[1][0] + 50 * E[1][1] + fromEntries[1]!];
  // Starting children are independent Bernoullis; children present from a Poisson stream are Poisson.
  const variance = 100 * pA * (1 - pA) + 50 * pB * (1 - pB) + fromEntries[0]! + fromEntries[1]!;
  return { mean, total: mean[0]! + mean[1]!, variance };
}

function moments(values: Float64Array) {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, variance };
}

describe('project: continuous-time Monte Carlo', () => {
  it('matches the exact mean and variance of a two-state chain (matrix exponential)', async () => {
    const runs = 4000;
    const projection = await project(tinyModel(), stock, { origin, years: 1, runs, parameterUncertainty: false, workers: 1 });
    const k = projection.time.reportDays.length - 1;
    const T = projection.time.reportDays[k]!;
    expect(T).toBe(365);
    const truth = exact(T);
    for (const [series, expected] of [['A', truth.mean[0]!], ['B', truth.mean[1]!]] as const) {
      const m = moments(seriesValues(projection, series, k));
      expect(Math.abs(m.mean - expected)).toBeLessThan(4 * Math.sqrt(m.variance / runs));
    }
    const total = moments(seriesValues(projection, 'total', k));
    expect(Math.abs(total.mean - truth.total)).toBeLessThan(4 * Math.sqrt(truth.variance / runs));
    // Sample variance of 4,000 runs: relative s.e. about √(2/4000) ≈ 2.2%.
    expect(total.variance / truth.variance).toBeGreaterThan(0.9);
    expect(total.variance / truth.variance).toBeLessThan(1.1);
    // The stock on the first day is exactly the starting stock.
    expect(Array.from(seriesValues(projection, 'total', 0)).every((v) => v === 150)).toBe(true);
  });

  it('widens the interval when rates are uncertain (few child-days observed)', async () => {
    const sparse = tinyModel(2000);
    const process = await project(sparse, stock, { origin, years: 1, runs: 1000, parameterUncertainty: false, workers: 1 });
    const both = await project(sparse, stock, { origin, years: 1, runs: 1000, parameterUncertainty: true, workers: 1 });
    const k = process.time.reportDays.length - 1;
    const sdProcess = Math.sqrt(moments(seriesValues(process, 'total', k)).variance);
    const sdBoth = Math.sqrt(moments(seriesValues(both, 'total', k)).variance);
    expect(sdBoth).toBeGreaterThan(1.3 * sdProcess);
  });

  it('gives the same runs in worker threads as in this thread', async () => {
    const model = tinyModel(5000);
    const time = timeline(origin, 2);
    const plan = buildPlan(model, stock, time, compileScenario(undefined, model, time), true);
    const seen: number[] = [];
    const inThread = await runMonteCarlo(plan, { runs: 40, seed: 9, workers: 1 });
    const inWorkers = await runMonteCarlo(plan, { runs: 40, seed: 9, workers: 2, onProgress: (done) => seen.push(done) });
    expect(Array.from(inWorkers.stock)).toEqual(Array.from(inThread.stock));
    expect(Array.from(inWorkers.exits)).toEqual(Array.from(inThread.exits));
    expect(seen.at(-1)).toBe(40);
    // Two forecasts at once share the kept threads (3 asked for each, at most one per core) and
    // still give the same runs; a different plan on the same threads is not confused with the first.
    const other = buildPlan(model, stock.slice(0, 60), time, compileScenario(undefined, model, time), true);
    const [again, second] = await Promise.all([
      runMonteCarlo(plan, { runs: 40, seed: 9, workers: 3 }),
      runMonteCarlo(other, { runs: 30, seed: 4, workers: 3 }),
    ]);
    expect(Array.from(again.stock)).toEqual(Array.from(inThread.stock));
    expect(Array.from(second.stock)).toEqual(Array.from((await runMonteCarlo(other, { runs: 30, seed: 4, workers: 1 })).stock));
    await closeForecastWorkers();
  });
});
