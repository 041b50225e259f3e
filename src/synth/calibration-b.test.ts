import { describe, expect, it } from 'vitest';
import { calibrationMisses } from './calibration-check.js';

// Split in two files so Vitest runs the authorities on both cores.
describe('calibration to published DfE figures: every measure, every year 2014/15 to 2024/25, within 10% or 5 children', () => {
  it.each([['211', 'Tower Hamlets'], ['873', 'Cambridgeshire'], ['340', 'Knowsley']])('%s %s', (laCode) => {
    const { lines, misses } = calibrationMisses(laCode);
    // Referrals, re-referrals, CIN and CP every year; CLA, leavers, starters and the eight placement groups from 2021; workforce from 2017.
    expect(lines.length).toBeGreaterThanOrEqual(140);
    expect(new Set(lines.map((l) => l.year)).size).toBe(11);
    expect(misses).toEqual([]);
  }, 180_000);
});
