import type { StayBuild } from './stays.js';

/**
 * Year-to-year drift. Rates estimated from one reference year carry sampling error (the Gamma
 * posteriors) but real years also differ from each other by more than chance: a court backlog,
 * a new front door, a wave of UASC arrivals. Without this, intervals are too narrow. In every
 * Monte Carlo run we draw a year effect on entries (a random walk by forecast year) and one on
 * the leaving and moving hazards.
 *
 * How big? Five years of one authority cannot say (the standard deviation of four year-on-year
 * changes is itself uncertain by ±35%), so the authority's own years are combined with what
 * English authorities show (NATIONAL_DRIFT), and the size itself is drawn in every run from
 * that combined posterior: the year effects then follow a Student t, with the heavier tails of
 * real years (Oxfordshire's starters went 371 → 219 → 344 in 2023-2025).
 */
export interface Drift {
  /** s.d. of the year-on-year change in log entries beyond Poisson noise (a random walk). */
  readonly entriesSd: number;
  /** s.d. of the change in log leaving-and-moving hazards beyond Poisson noise (one effect per run). */
  readonly hazardSd: number;
  /** Year-on-year changes in the authority's own data that the estimate used (0: national figure only). */
  readonly years: number;
  /**
   * Degrees of freedom of the posterior for the two s.d.s: each run draws them as
   * sd × √(df / χ²(df)). 0 or absent: the s.d.s are taken as known (set by hand, or off).
   */
  readonly df?: number;
  readonly source: 'estimated' | 'default' | 'set';
}

/**
 * What English authorities show, from DfE 'Children looked after in England' statistics
 * (cla_number_and_rate_per_10k_children, 2021 to 2025; 602 year-on-year changes over the 151
 * local authorities): the s.d. of the change in log starters is 0.217, of which Poisson noise
 * explains 0.124, leaving 0.18 beyond chance; for children ceasing to be looked after it is
 * 0.175, 0.121 and 0.13 (the stock itself moves little, so this is a change in the leaving
 * hazard). Weighted as four years of an authority's own history.
 */
export const NATIONAL_DRIFT = {
  entriesSd: 0.18,
  hazardSd: 0.13,
  weightYears: 4,
  source: 'DfE CLA statistics 2021-2025, 602 year-on-year changes across English local authorities, beyond Poisson noise',
} as const;

/** With no usable history: the national figure, with its weight as degrees of freedom. */
export const DEFAULT_DRIFT: Drift = {
  entriesSd: NATIONAL_DRIFT.entriesSd, hazardSd: NATIONAL_DRIFT.hazardSd, years: 0, df: NATIONAL_DRIFT.weightYears, source: 'default',
};

const YEAR = 365;

/**
 * Drift from the authority's last `maxYears` years before `end` (entries, and leavers ÷
 * child-days), pooled with the national figure: sd² = (w·national² + k·own²) / (w + k) for k
 * own year-on-year changes, with w + k degrees of freedom.
 */
export function estimateDrift(build: StayBuild, endDay: number, maxYears = 6): Drift {
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
  // A return holds the children in care since it began: before that, only those who were
  // still in care later appear, so early years show too few leavers. Such leading years
  // (fewer than 60% of the median year's leavers) would read as drift: drop them.
  const median = [...leaves].sort((a, b) => a - b)[Math.floor(leaves.length / 2)] ?? 0;
  while (leaves.length > 0 && leaves[leaves.length - 1]! < 0.6 * median) {
    leaves.pop();
    entries.pop();
    exposure.pop();
  }
  const k = entries.length - 1;
  if (k < 1) return DEFAULT_DRIFT;
  const w = NATIONAL_DRIFT.weightYears;
  const pooled = (national: number, own: number) => Math.sqrt((w * national ** 2 + k * own ** 2) / (w + k));
  return {
    entriesSd: pooled(NATIONAL_DRIFT.entriesSd, changeSd(entries, entries.map((n) => Math.log(Math.max(n, 1))))),
    hazardSd: pooled(NATIONAL_DRIFT.hazardSd, changeSd(leaves, leaves.map((n, i) => Math.log(Math.max(n, 1) / Math.max(exposure[i]!, 1))))),
    years: k,
    df: w + k,
    source: 'estimated',
  };
}

/**
 * s.d. of year-on-year changes in log values beyond what Poisson counts alone would give
 * (var(log N) ≈ 1/N): root mean square of the changes (no trend is assumed), less the noise.
 */
function changeSd(counts: number[], logs: number[]): number {
  let square = 0;
  let noise = 0;
  for (let i = 1; i < logs.length; i++) {
    square += (logs[i]! - logs[i - 1]!) ** 2;
    noise += 1 / Math.max(counts[i]!, 1) + 1 / Math.max(counts[i - 1]!, 1);
  }
  const n = logs.length - 1;
  return Math.sqrt(Math.max(0, (square - noise) / n));
}
