import { describe, expect, it } from 'vitest';
import { backtest } from './backtest.js';
import { demoTruth, simulateHistory } from './simulate-history.js';

describe('backtest', () => {
  it('is calibrated when the model is right: 80% intervals hold the outcome about 80% of the time', async () => {
    // A stationary authority simulated from known rates; rolling origins, one year ahead.
    const { episodes, children } = simulateHistory(demoTruth(1500), { laCode: '931', warmUpStart: '2002-04-01', dataEnd: '2024-03-31', seed: 8 });
    const origins = ['2019-03-31', '2020-03-31', '2021-03-31', '2022-03-31', '2023-03-31'];
    const result = await backtest(episodes, children, { origins, runs: 200, workers: 1, model: { dataEnd: '2024-03-31', drift: false } });
    expect(result.overall.pairs).toBeGreaterThan(60);
    expect(result.overall.coverage80).toBeGreaterThan(0.65);
    expect(result.overall.coverage80).toBeLessThan(0.95);
    expect(result.overall.coverage95).toBeGreaterThan(result.overall.coverage80);
    expect(result.overall.coverage50).toBeLessThan(result.overall.coverage80);
    const total = result.summary.find((s) => s.series === 'total')!;
    expect(total.origins).toBe(5);
    expect(total.mape!).toBeLessThan(0.06);
    // Each row's flags agree with its PIT.
    for (const row of result.rows) expect(row.in80).toBe(row.pit >= 0.1 && row.pit <= 0.9);
  });

  it('refuses an origin whose outcome is not yet known', async () => {
    const { episodes, children } = simulateHistory(demoTruth(100), { laCode: '931', warmUpStart: '2015-04-01', dataEnd: '2024-03-31', seed: 2 });
    await expect(backtest(episodes, children, { origins: ['2023-09-30'], runs: 10, workers: 1, model: { dataEnd: '2024-03-31' } })).rejects.toThrow(
      /origin 2023-09-30: the data end on 2024-03-31, before the target 2024-09-30/,
    );
  });
});
