import { beforeAll, describe, expect, it } from 'vitest';
import { fitFromStays, prepareCare, stockOn } from './fit.js';
import { meanMoves, project, type Projection } from './project.js';
import { demoTruth, simulateHistory } from './simulate-history.js';
import { parseScenario, ScenarioError } from './scenario.js';
import { namedScenario } from './scenarios.js';
import { compare, flows, seriesValues } from './summary.js';
import { categoryCosts, costsFromRows, spendByRun } from './costs.js';
import type { ForecastModel, StockChild } from './types.js';

/** Round trips: a scenario's effect on the forecast matches what it says, in its own units. */
let model: ForecastModel;
let stock: StockChild[];
let baseline: Projection;
const origin = '2024-03-31';
const runs = 300;

beforeAll(async () => {
  const { episodes, children } = simulateHistory(demoTruth(600), { laCode: '931', warmUpStart: '2004-04-01', dataEnd: origin, seed: 21 });
  const build = prepareCare(episodes, children, { dataEnd: origin });
  model = fitFromStays(build, { windowStart: '2023-04-01', windowEnd: '2024-04-01', drift: false });
  stock = stockOn(build, origin, model);
  baseline = await project(model, stock, { origin, years: 2, runs, workers: 1 });
});

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;

describe('scenarios in people units', () => {
  it('moves the stated number of children (step down 15 from residential to fostering over a year)', async () => {
    const scenario = namedScenario('step-down-15')!;
    const result = await project(model, stock, { origin, years: 2, runs, workers: 1, scenario, baseline });
    const moved = meanMoves(result.outputs, 2, 1)[0]!;
    expect(Math.abs(moved - 15)).toBeLessThan(1.5);
    // Every move happens in the first year.
    const year2 = flows(result).find((r) => r.year.startsWith('2025') && r.flow.startsWith('scenario move'))!;
    expect(year2.mean).toBe(0);
    expect(result.compiled.explanations[0]).toMatch(/15 children moved from residential to fostering/);
    // Residential falls and fostering rises against the baseline at the first year end.
    const k = result.time.reportDays.indexOf(result.time.yearStarts[1]!);
    expect(mean(seriesValues(result, 'residential', k))).toBeLessThan(mean(seriesValues(baseline, 'residential', k)) - 5);
    // Each child keeps its own random stream, so the run-by-run difference is much sharper than
    // either forecast: only the moved children's paths differ.
    const total = compare(baseline, result).find((r) => r.measure === 'children: total')!;
    expect(total.difference.p90 - total.difference.p10).toBeLessThan(0.35 * (total.baseline.p90 - total.baseline.p10));
  });

  it('cuts entries by the stated share from the stated month', async () => {
    const scenario = parseScenario({ name: 'fall', changes: [{ kind: 'entries', change: -0.1 }] });
    const result = await project(model, stock, { origin, years: 2, runs, workers: 1, scenario, baseline });
    const entries = (p: Projection) => mean(flows(p).filter((r) => r.flow === 'entries').map((r) => r.mean));
    const ratio = entries(result) / entries(baseline);
    // 300 runs × ~250 entries a year: the ratio's s.e. is well under 1%.
    expect(ratio).toBeGreaterThan(0.87);
    expect(ratio).toBeLessThan(0.93);
    const april = parseScenario({ name: 'april', changes: [{ kind: 'entries', change: -0.5, from: 'April' }] });
    const compiledFrom = (await project(model, stock, { origin: '2024-01-31', years: 1, runs: 10, workers: 1, scenario: april })).compiled;
    expect(compiledFrom.explanations[0]).toContain('from 2024-04-01');
  });

  it('doubles UASC arrivals only', async () => {
    const result = await project(model, stock, { origin, years: 1, runs, workers: 1, scenario: namedScenario('uasc-double')!, baseline });
    const nStates = model.ageBands.length * model.categories.length;
    const uascShare = model.entries.slice(nStates).reduce((a, b) => a + b, 0) / model.entries.reduce((a, b) => a + b, 0);
    const ratio = mean(result.outputs.entries) / mean(baseline.outputs.entries.filter((_, i) => i % 2 === 0));
    // Entries scale by 1 + the UASC share.
    expect(Math.abs(ratio - (1 + uascShare))).toBeLessThan(0.05);
  });

  it('routes new placements to new homes up to their places, and prices the places', async () => {
    const scenario = namedScenario('new-homes')!;
    const result = await project(model, stock, { origin, years: 2, runs, workers: 1, scenario, baseline });
    const nIntervals = result.time.reportDays.length - 1;
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < nIntervals; k++) {
        const days = result.time.reportDays[k + 1]! - result.time.reportDays[k]!;
        const used = result.outputs.overlayDays[r * nIntervals + k]!;
        expect(used).toBeLessThanOrEqual(16 * days);
        if (result.time.reportDays[k + 1]! <= 62) expect(used).toBe(0); // nothing before 1 June
      }
    }
    expect(mean(result.outputs.overlayDays)).toBeGreaterThan(0);
    // Children are unchanged; only spend moves. 16 places at the in-house rate are paid for.
    const rows = compare(baseline, result);
    const total = rows.filter((r) => r.measure === 'children: total');
    for (const row of total) expect(row.difference.p50).toBe(0);
    const costs = categoryCosts(result);
    const residential = costs.find((c) => c.category === 'residential')!;
    const spendBase = spendByRun(baseline);
    const spendNew = spendByRun(result);
    expect(result.compiled.capacity[0]!.places).toBe(16);
    // Run 0, year 1: extra spend is at most the 16 places for the 304 days from 1 June (at most
    // the residential rate, plus inflation), and the places' cost less the placements they took.
    expect(spendNew[0]! - spendBase[0]!).toBeLessThan(16 * 304 * (residential.weeklyAtStart / 7) * 1.05);
    expect(spendNew[0]! - spendBase[0]!).toBeGreaterThan(-16 * 304 * (residential.weeklyAtStart / 7) * 1.05);
  });

  it('rejects a bad scenario file with every problem named', async () => {
    expect(() => parseScenario({ name: '', changes: [{ kind: 'entries', change: -2, from: 'Jan' }] }, 'bad.json')).toThrow(ScenarioError);
    try {
      parseScenario({ name: '', changes: [{ kind: 'entries', change: -2, from: 'Jan' }] }, 'bad.json');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('bad.json: name');
      expect(message).toContain('bad.json: changes.0.change');
      expect(message).toContain('bad.json: changes.0.from');
      expect(message).toContain('(value "Jan")');
    }
    const castle = parseScenario({ name: 'x', changes: [{ kind: 'move', count: 3, fromCategory: 'castle', toCategory: 'fostering' }] });
    await expect(project(model, stock, { origin, years: 1, runs: 5, scenario: castle, baseline })).rejects.toThrow(
      /unknown category 'castle'; expected one of fostering, residential, supported, other/,
    );
  });

  it('takes an authority\'s own placement costs over the defaults', () => {
    const costs = costsFromRows(
      [
        { placementType: 'K2', provider: 'PR4', validFrom: '2023-04-01', validTo: null, weeklyCost: 5000, source: 'contract list' },
        { placementType: 'R1', provider: 'PR5', validFrom: '2023-04-01', validTo: null, weeklyCost: 6000, source: 'contract list' },
        { placementType: 'K2', provider: 'PR1', validFrom: '2020-04-01', validTo: '2021-03-31', weeklyCost: 1, source: 'old' },
      ],
      origin,
      model.categories,
    );
    const residential = costs.filter((c) => c.category === 'residential');
    expect(residential).toHaveLength(1);
    expect(residential[0]!.weekly).toBe(5500); // K2 and R1 averaged; the expired row ignored
    expect(costs.find((c) => c.category === 'fostering' && c.provider === 'external')!.weekly).toBe(835);
  });
});
