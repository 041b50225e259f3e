import { calibrate } from './calibrate.js';
import { fitCensusDays, type CensusFitResult } from './census-fit.js';
import type { SimWorld } from './model.js';
import type { YearMultipliers } from './multipliers.js';
import { toRows, type TableRows } from './rows.js';
import { addWorkforce } from './simulate.js';
import { authorityName, publishedMeasures, type YearTargets } from './targets.js';

export interface SynthOptions {
  /** DfE 3-digit LA code, e.g. "931". */
  laCode: string;
  /** First and last collection year (end-year labels; 2025 = 2024/25). */
  from: number;
  to: number;
  seed?: number;
  /** Calibration passes before the final run (0 = national behaviour scaled by the LA's figures only). */
  calibrationPasses?: number;
  warmupYears?: number;
  /** Include statutory visits and core group meetings (the bulk of the rows). Default true. */
  visits?: boolean;
  /** Move dates near each 31 March so published stocks land inside the band (see census-fit.ts). Default true. */
  censusFit?: boolean;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface SyntheticAuthority {
  laCode: string;
  name: string;
  from: number;
  to: number;
  seed: number;
  world: SimWorld;
  rows: TableRows;
  targets: Map<number, YearTargets>;
  multipliers: Map<number, YearMultipliers>;
  /** What the census fit moved (null when it was off). */
  censusFit: CensusFitResult | null;
}

/** Validates the options a caller passed, with messages that name the option and the rule. */
export function checkOptions(options: SynthOptions): void {
  authorityName(options.laCode);
  if (!Number.isInteger(options.from) || !Number.isInteger(options.to) || options.from > options.to) {
    throw new Error(`Years must be whole collection years with from <= to (got from=${options.from}, to=${options.to}).`);
  }
  if (options.from < 2014 || options.to > 2026) throw new Error(`Years must lie between 2014 and 2026: the reference data covers 2013 to 2025 (got ${options.from}..${options.to}).`);
}

/** Simulates one authority: calibrate, run, convert to canonical rows. Plain data out. */
export function simulateAuthority(options: SynthOptions): SyntheticAuthority {
  checkOptions(options);
  const seed = options.seed ?? 1;
  const passes = options.calibrationPasses ?? 4;
  const simOptions = { laCode: options.laCode, from: options.from, to: options.to, seed, warmupYears: options.warmupYears ?? 3 };
  const { multipliers, targets, world } = calibrate(simOptions, passes, (pass) => options.onProgress?.('calibrate', pass, passes + 2));
  const published = new Map(Array.from({ length: options.to - options.from + 1 }, (_, i) => [options.from + i, publishedMeasures(options.laCode, options.from + i)]));
  const censusFit = options.censusFit === false ? null : fitCensusDays(world, { from: options.from, to: options.to, published: (year, measure) => published.get(year)?.[measure] });
  addWorkforce(world, { ...simOptions, multipliers }, targets);
  options.onProgress?.('workforce', passes + 1, passes + 2);
  const rows = toRows(world, { fromYear: options.from, toYear: options.to, visits: options.visits });
  options.onProgress?.('rows', passes + 2, passes + 2);
  return { laCode: options.laCode, name: authorityName(options.laCode), from: options.from, to: options.to, seed, world, rows, targets, multipliers, censusFit };
}
