import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../calendar/index.js';
import { fitModel, maximumLikelihoodRates, posteriorMeanRates, prepareCare, stockOn } from './fit.js';
import { demoTruth, simulateHistory } from './simulate-history.js';
import type { ChildRow, EpisodeRow } from './types.js';

const la = '931';
const child = (childId: string, dateOfBirth: string, uasc = false): ChildRow => ({ laCode: la, childId, dateOfBirth, uasc });
const episode = (childId: string, decom: string, dec: string | null, place: string, rec: string | null, placeProvider = 'PR1'): EpisodeRow => ({
  laCode: la, childId, decom, dec, place, placeProvider, rec,
});

// Window: the 2023/24 collection year, 366 days (2024 is a leap year).
const window = { windowStart: '2023-04-01', windowEnd: '2024-04-01' };
const nC = 4; // fostering, residential, supported, other
const nDest = nC + 6;
const state = (band: number, category: number) => band * nC + category;
const FOSTERING = 0;
const RESIDENTIAL = 1;
const RETURNED_HOME = nC + 0;

describe('fitModel: events ÷ child-days', () => {
  it('counts exposure, moves, exits and entries by hand-checkable rules', () => {
    const children = [
      child('A', '2015-06-01'), // aged 7-8: band 5 to 10 throughout
      child('B', '2015-06-01'),
      child('C', '2015-06-01'),
      child('D', '2018-10-01'), // turns 5 on 2023-10-01: band 1 to 5, then 5 to 10
      child('E', '2005-12-01'), // turns 18 on 2023-12-01: ages out, not a hazard event
    ];
    const episodes = [
      episode('A', '2020-01-01', null, 'U4', null), // in care all window: 366 days fostering
      episode('B', '2023-07-10', '2023-10-18', 'U6', 'E4A'), // enters, 100 days, returns home
      episode('C', '2022-01-01', '2023-05-21', 'U4', 'X1'), // 50 days fostering in window,
      episode('C', '2023-05-21', null, 'K2', null, 'PR4'), // then residential to the end: 316 days
      episode('D', '2021-01-01', null, 'U4', null),
      episode('E', '2020-01-01', '2023-12-01', 'H5', 'E17', 'PR4'),
    ];
    const model = fitModel(episodes, children, { ...window, dataEnd: '2024-03-31' });
    const exposure = (band: number, cat: number) => model.exposure[state(band, cat)];
    // Band 2 (5 to 10) fostering: A 366 + B 100 + C 50 + D from 2023-10-01 (183 days).
    expect(exposure(2, FOSTERING)).toBe(366 + 100 + 50 + 183);
    expect(exposure(1, FOSTERING)).toBe(183); // D before the 5th birthday
    expect(exposure(2, RESIDENTIAL)).toBe(316);
    expect(exposure(4, 2)).toBe(toDayNumber('2023-12-01') - toDayNumber('2023-04-01')); // E until 18
    const events = (band: number, cat: number, dest: number) => model.events[state(band, cat) * nDest + dest];
    expect(events(2, FOSTERING, RETURNED_HOME)).toBe(1);
    expect(events(2, FOSTERING, RESIDENTIAL)).toBe(1);
    expect(model.events.reduce((a, b) => a + b, 0)).toBe(2); // ageing out is certain, not estimated
    const ml = maximumLikelihoodRates(model);
    expect(ml[state(2, FOSTERING) * nDest + RETURNED_HOME]).toBeCloseTo(1 / 699, 12);
    expect(model.entries.reduce((a, b) => a + b, 0)).toBe(1);
    expect(model.entries[state(2, FOSTERING)]).toBe(1);
    expect(model.children).toBe(5);
    // Provider mix: C's residential days were external.
    expect(model.inHouseShare[RESIDENTIAL]).toBe(0);
  });

  it('uses events ÷ child-days, not the mean of daily ratios (demand-modelling.md 6.2)', () => {
    // 10 children for 300 days with 3 exits among them, then 1 child for 65 days with 1 exit.
    const children: ChildRow[] = [];
    const episodes: EpisodeRow[] = [];
    for (let i = 0; i < 10; i++) {
      children.push(child(`K${i}`, '2012-01-01'));
      const dec = i < 3 ? '2024-01-26' : i < 9 ? '2024-01-26' : '2024-03-31';
      const rec = i < 3 ? 'E4A' : i < 9 ? 'E3' : 'E4A';
      episodes.push(episode(`K${i}`, '2023-04-01', dec, 'U4', rec));
    }
    const model = fitModel(episodes, children, { windowStart: '2023-04-01', windowEnd: '2024-04-01' });
    const s = state(3, FOSTERING);
    // 9 children × 300 days + 1 child × 365 days = 3,065 child-days; 4 returned home.
    expect(model.exposure[s]).toBe(3065);
    expect(maximumLikelihoodRates(model)[s * nDest + RETURNED_HOME]).toBeCloseTo(4 / 3065, 12);
  });

  it('reports repairs and drops instead of hiding them', () => {
    const model = fitModel(
      [
        episode('A', '2023-01-01', '2023-09-01', 'U4', 'X1'),
        episode('A', '2023-06-01', null, 'ZZ', null), // overlap, unknown code
        episode('Z', '2023-01-01', null, 'U4', null), // no child record
      ],
      [child('A', '2010-01-01')],
      window,
    );
    const rules = model.quality.map((q) => `${q.action}: ${q.rule}`);
    expect(rules).toContain('fixed: episodes must not overlap');
    expect(rules).toContain('warning: PLACE must map to a placement category');
    expect(rules).toContain('dropped: episodes need a child record with a date of birth');
  });

  it('recovers known rates from simulated histories within sampling error', () => {
    const truth = demoTruth(3000);
    const { episodes, children } = simulateHistory(truth, { laCode: la, warmUpStart: '2000-04-01', dataEnd: '2024-03-31', seed: 11 });
    const model = fitModel(episodes, children, { windowStart: '2021-04-01', windowEnd: '2024-04-01', dataEnd: '2024-03-31' });
    const ml = maximumLikelihoodRates(model);
    const z: number[] = [];
    model.exposure.forEach((exposure, s) => {
      if (exposure < 20_000) return; // rare states: too few child-days to test
      for (let d = 0; d < nDest; d++) {
        const rate = truth.hazards[s]![d]!;
        if (rate === 0) {
          expect(model.events[s * nDest + d]).toBe(0);
          continue;
        }
        // Events are Poisson(rate × exposure) given the exposure.
        const expected = rate * exposure;
        z.push((ml[s * nDest + d]! * exposure - expected) / Math.sqrt(expected));
      }
    });
    expect(z.length).toBeGreaterThan(40);
    for (const v of z) expect(Math.abs(v)).toBeLessThan(4);
    const meanSquare = z.reduce((a, v) => a + v * v, 0) / z.length;
    expect(meanSquare).toBeGreaterThan(0.5);
    expect(meanSquare).toBeLessThan(1.6);
    // Entries: about 1,260 a year over 3 years.
    const entries = model.entries.reduce((a, b) => a + b, 0);
    const expected = truth.entriesPerYear * (model.windowDays / 365.2425);
    expect(Math.abs(entries - expected) / Math.sqrt(expected)).toBeLessThan(4);
  });

  it('shrinks a sparse state towards its category and reads the stock on a date', () => {
    const truth = demoTruth(300);
    const { episodes, children } = simulateHistory(truth, { laCode: la, warmUpStart: '2005-04-01', dataEnd: '2024-03-31', seed: 3 });
    const model = fitModel(episodes, children, { ...window, prior: { pooledExposureDays: 365 } });
    const pm = posteriorMeanRates(model);
    const ml = maximumLikelihoodRates(model);
    model.exposure.forEach((e, s) => {
      for (let d = 0; d < nDest; d++) {
        const i = s * nDest + d;
        const pooled = model.priorShape[i]! / model.priorRate[i]!;
        // The posterior mean lies between the state's own estimate and the pooled rate.
        if (e > 0) expect(pm[i]!).toBeGreaterThanOrEqual(Math.min(ml[i]!, pooled) - 1e-15);
        if (e > 0) expect(pm[i]!).toBeLessThanOrEqual(Math.max(ml[i]!, pooled) + 1e-15);
        if (e === 0) expect(pm[i]).toBeCloseTo(pooled, 15);
      }
    });
    const build = prepareCare(episodes, children, {});
    const stock = stockOn(build, '2024-03-31', model);
    const open = episodes.filter((e) => e.decom <= '2024-03-31' && (e.dec === null || e.dec > '2024-03-31'));
    expect(stock.length).toBe(open.length);
  });
});
