import type { StayBuild } from './stays.js';

/**
 * Year-to-year drift. Rates estimated from one reference year carry sampling error (the Gamma
 * posteriors) but real years also differ from each other by more than chance: a court backlog,
 * a new front door, a wave of UASC arrivals. Without this, intervals are too narrow (backtests
 * on a calibrated synthetic authority held the outcome in 40% of 80% intervals). We estimate
 * the extra variation from the authority's own recent years, beyond Poisson noise, and draw a
 * random year effect in every Monte Carlo run.
 */
export interface Drift {
  /** s.d. of log entry rate between years (a random walk: year 2 drifts from year 1). */
  readonly entriesSd: number;
  /** s.d. of log leaving-and-moving hazards between years (one effect per run). */
  readonly hazardSd: number;
  /** Whole years of history the estimate used (0: defaults). */
  readonly years: number;
  readonly source: 'estimated' | 'default' | 'set';
}

/**
 * Used when fewer than 3 years of history are available, and as a floor otherwise: five
 * years are too few to rule drift out, and real years differ (an assumption, shown as such).
 */
export const DEFAULT_DRIFT: Drift = { entriesSd: 0.1, hazardSd: 0.05, years: 0, source: 'default' };

const YEAR = 365;

/** Extra-Poisson variation of annual entries and leaving rates over up to `maxYears` years before `end`. */
export function estimateDrift(build: StayBuild, endDay: number, maxYears = 5): Drift {
  let firstDay = Infinity;
  for (const s of build.stays) if (s.start < firstDay) firstDay = s.start;
  const entries: number[] = [];
  const leaves: number[] = [];
  const exposure: number[] = [];
  for (let y = 1; y <= maxYears; y++) {
    const to = endDay - (y - 1) * YEAR;
    const from = to - YEAR;
    if (from < firstDay + YEAR) break; // the first year of data holds only children already in care
    let n = 0;
    let left = 0;
    let days = 0;
    for (const s of build.stays) {
      if (s.isEntry && s.start >= from && s.start < to) n++;
      const end = s.end ?? build.dataEndDay + 1;
      const overlap = Math.min(end, to) - Math.max(s.start, from);
      if (overlap > 0) days += overlap;
      if (s.endKind !== 'open' && s.end !== null && s.end >= from && s.end < to) left++;
    }
    entries.push(n);
    leaves.push(left);
    exposure.push(days);
  }
  if (entries.length < 3) return DEFAULT_DRIFT;
  return {
    entriesSd: Math.max(DEFAULT_DRIFT.entriesSd, extraSd(entries.map((n) => Math.log(Math.max(n, 1))), entries)),
    hazardSd: Math.max(DEFAULT_DRIFT.hazardSd, extraSd(leaves.map((n, i) => Math.log(Math.max(n, 1) / exposure[i]!)), leaves)),
    years: entries.length,
    source: 'estimated',
  };
}

/** s.d. of log values beyond what Poisson counts alone would give (var(log N) ≈ 1/N). */
function extraSd(logs: number[], counts: number[]): number {
  const n = logs.length;
  const mean = logs.reduce((a, b) => a + b, 0) / n;
  const variance = logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const poisson = counts.reduce((a, c) => a + 1 / Math.max(c, 1), 0) / n;
  return Math.sqrt(Math.max(0, variance - poisson));
}
