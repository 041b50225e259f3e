import { calibrationReport, type CalibrationLine } from './report.js';
import { simulateAuthority } from './authority.js';

/** The range the issue names (`csc synth --la 931 --from 2015 --to 2025 --seed 7`). */
export const CALIBRATION_RANGE = { from: 2015, to: 2025 } as const;

/**
 * Generates an authority over the whole calibration range exactly as `csc synth` does for one
 * authority (8 passes, census fit) and lists every published value, every year, that misses the
 * tolerance (within 10%, or within 5 children under 50).
 */
export function calibrationMisses(laCode: string): { lines: CalibrationLine[]; misses: string[] } {
  const authority = simulateAuthority({ laCode, ...CALIBRATION_RANGE, seed: 7, calibrationPasses: 8, visits: false });
  const { lines, failures } = calibrationReport(authority);
  return {
    lines,
    misses: failures.map((l) => `${laCode} ${l.year} ${l.measure}: generated ${l.generated}, published ${l.published} (${(l.error * 100).toFixed(1)}%)`),
  };
}
