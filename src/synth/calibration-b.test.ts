import { describe, expect, it } from 'vitest';
import { calibrationMisses } from './calibration-check.js';

// Split in two files so Vitest runs the authorities on both cores.
describe('calibration to published DfE figures (2023/24, within 10% or 5 children)', () => {
  it.each([['211', 'Tower Hamlets'], ['873', 'Cambridgeshire'], ['340', 'Knowsley']])('%s %s', (laCode) => {
    const { lines, misses } = calibrationMisses(laCode);
    // Every headline measure is published for these authorities: referrals, re-referrals, CIN, CP, CLA, placements, workforce.
    expect(lines.length).toBeGreaterThanOrEqual(14);
    expect(misses).toEqual([]);
  }, 180_000);
});
