import { calibrationReport, type CalibrationLine } from './report.js';
import { simulateAuthority } from './authority.js';

/**
 * Measures the calibration tests enforce. The small placement groups are reported by
 * `csc synth --report` but not enforced: placements made in one year are still counted years
 * later, so a group of a few dozen children swings by more than the band (see docs/synth.md).
 */
export const NOT_ENFORCED = new Set([
  'cla.at31.placement.placed_for_adoption',
  'cla.at31.placement.with_parents',
  'cla.at31.placement.other_residential',
  'cla.at31.placement.residential_schools',
  'cla.at31.placement.other',
  // Leavers are the difference of starters and two stocks, each within 10%, so they can miss by more.
  'cla.ceased',
]);

/** Generates an authority for one recent year (after three warm-up years) and lists enforced misses. */
export function calibrationMisses(laCode: string, year = 2024): { lines: CalibrationLine[]; misses: string[] } {
  const authority = simulateAuthority({ laCode, from: year, to: year, seed: 7, calibrationPasses: 4, visits: false });
  const report = calibrationReport(authority);
  const lines = report.lines.filter((l) => !NOT_ENFORCED.has(l.measure));
  return {
    lines,
    misses: lines.filter((l) => !l.ok).map((l) => `${laCode} ${l.year} ${l.measure}: generated ${l.generated}, published ${l.published} (${(l.error * 100).toFixed(1)}%)`),
  };
}
