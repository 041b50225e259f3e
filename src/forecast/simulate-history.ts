import { fromDayNumber, toDayNumber } from '../calendar/index.js';
import { bandEndDays, DAYS_PER_YEAR } from './ages.js';
import { CARE_EXIT_REASONS, DEFAULT_AGE_BANDS, DEFAULT_PLACEMENT_CATEGORIES, type AgeBand } from './config.js';
import { createRandom, exponential, type Random } from './random.js';
import type { ChildRow, EpisodeRow } from './types.js';

/**
 * Episode histories simulated from known rates: the ground truth for estimator tests and
 * backtests. Written separately from the projection engine (a plain event loop over one child
 * at a time) so that tests of one are not tests of itself.
 */

export interface TrueRates {
  readonly ageBands: readonly AgeBand[];
  readonly categories: readonly string[];
  readonly exitReasons: readonly string[];
  /** Daily hazards [band × nC + category][destination], destinations as in ForecastModel. */
  readonly hazards: number[][];
  /** Entries per year, and their split over (uasc ? nStates : 0) + state. */
  readonly entriesPerYear: number;
  readonly entryShares: number[];
  /** Share of placements with an in-house provider, per category. */
  readonly inHouseShare: number[];
}

const PLACE_OF: Record<string, string> = { fostering: 'U6', residential: 'K2', supported: 'H5', other: 'P1' };
/** H5 gave way to K3 in 2024/25. */
const SUPPORTED_K3_FROM = toDayNumber('2024-04-01');
const REC_OF: Record<string, string> = {
  returned_home: 'E4A', adopted: 'E11', sgo: 'E45', cao: 'E41', independence_18plus: 'E5', other: 'E8',
};

/** Plausible rates for an authority with about `inCare` children looked after (England-like mix). */
export function demoTruth(inCare = 600): TrueRates {
  const bands = DEFAULT_AGE_BANDS;
  const cats = DEFAULT_PLACEMENT_CATEGORIES;
  const reasons = CARE_EXIT_REASONS;
  const nC = cats.length;
  const perYear = (x: number) => x / 365;
  const leave: Record<number, Partial<Record<string, number>>> = {
    0: { returned_home: 0.25, adopted: 0.3, sgo: 0.15, other: 0.03 },
    1: { returned_home: 0.25, adopted: 0.2, sgo: 0.15, cao: 0.03, other: 0.03 },
    2: { returned_home: 0.15, sgo: 0.08, cao: 0.03, other: 0.03 },
    3: { returned_home: 0.15, sgo: 0.03, cao: 0.02, other: 0.05 },
    4: { returned_home: 0.2, independence_18plus: 0.12, other: 0.1 },
  };
  const move: Record<string, Partial<Record<string, number>>> = {
    fostering: { residential: 0.04, other: 0.05 },
    residential: { fostering: 0.12, other: 0.05 },
    supported: { other: 0.1 },
    other: { fostering: 0.35, residential: 0.03 },
  };
  const hazards = bands.flatMap((_, b) =>
    cats.map((cat) => {
      const row = new Array<number>(nC + reasons.length).fill(0);
      for (const [to, rate] of Object.entries(move[cat]!)) if (to !== 'residential' || b >= 2) row[cats.indexOf(to as never)] = perYear(rate!);
      if (b === 4 && cat !== 'supported') row[cats.indexOf('supported')] = perYear(0.3);
      for (const [reason, rate] of Object.entries(leave[b]!)) row[nC + reasons.indexOf(reason as never)] = perYear(rate!);
      return row;
    }),
  );
  const nStates = bands.length * nC;
  const shares = new Array<number>(2 * nStates).fill(0);
  const bandShare = [0.16, 0.14, 0.15, 0.27, 0.28];
  const catShare = (b: number) => (b < 2 ? [0.8, 0, 0, 0.2] : b < 4 ? [0.75, 0.1, 0, 0.15] : [0.55, 0.1, 0.25, 0.1]);
  for (let b = 0; b < bands.length; b++) {
    const uascShare = b === 4 ? 0.45 : b === 3 ? 0.15 : 0;
    catShare(b).forEach((share, c) => {
      shares[b * nC + c] = bandShare[b]! * share * (1 - uascShare);
      shares[nStates + b * nC + c] = bandShare[b]! * share * uascShare;
    });
  }
  return {
    ageBands: bands, categories: cats, exitReasons: reasons, hazards,
    entriesPerYear: inCare * 0.42, entryShares: shares, inHouseShare: [0.65, 0.15, 0.3, 1],
  };
}

export interface HistoryOptions {
  readonly laCode: string;
  /** Children enter from `warmUpStart`; episodes are recorded as seen on `dataEnd`. */
  readonly warmUpStart: string;
  readonly dataEnd: string;
  readonly seed: number;
  /** Entry rate multiplier by year after warm-up start, e.g. growth (default constant). */
  readonly entryTrend?: (yearsFromStart: number) => number;
}

export function simulateHistory(truth: TrueRates, options: HistoryOptions): { episodes: EpisodeRow[]; children: ChildRow[] } {
  const random = createRandom(options.seed);
  const start = toDayNumber(options.warmUpStart);
  const dataEnd = toDayNumber(options.dataEnd);
  const nC = truth.categories.length;
  const nStates = truth.ageBands.length * nC;
  const episodes: EpisodeRow[] = [];
  const children: ChildRow[] = [];
  const cumulativeShares = cumulate(truth.entryShares);
  const rate = truth.entriesPerYear / DAYS_PER_YEAR;
  const trend = options.entryTrend ?? (() => 1);
  const maxTrend = Math.max(...Array.from({ length: Math.ceil((dataEnd - start) / 365) + 1 }, (_, y) => trend(y)));
  let t = start;
  let serial = 0;
  for (;;) {
    t += exponential(random, rate * maxTrend);
    if (t >= dataEnd) break;
    if (random.uniform() > trend((t - start) / DAYS_PER_YEAR) / maxTrend) continue; // thinning
    const group = pick(random, cumulativeShares);
    const state = group % nStates;
    const band = truth.ageBands[Math.floor(state / nC)]!;
    const entryDay = Math.floor(t);
    const ageDays = Math.floor((band.fromYears + random.uniform() * (band.toYears - band.fromYears)) * DAYS_PER_YEAR);
    const dobDay = entryDay - ageDays;
    const childId = `C${String(++serial).padStart(6, '0')}`;
    children.push({ laCode: options.laCode, childId, dateOfBirth: fromDayNumber(dobDay), uasc: group >= nStates });
    followChild(truth, random, { laCode: options.laCode, childId, dobDay, entryDay, category: state % nC, dataEnd }, episodes);
  }
  return { episodes, children };
}

function followChild(
  truth: TrueRates,
  random: Random,
  child: { laCode: string; childId: string; dobDay: number; entryDay: number; category: number; dataEnd: number },
  episodes: EpisodeRow[],
): void {
  const nC = truth.categories.length;
  const ends = bandEndDays(child.dobDay, truth.ageBands);
  let band = 0;
  while (band < ends.length && ends[band]! <= child.entryDay) band++;
  if (band === ends.length) return; // drawn age rounded up to 18: never looked after
  let category = child.category;
  let episodeStart = child.entryDay;
  let t = child.entryDay + random.uniform();
  const emit = (dec: number | null, rec: string | null) => {
    const cat = truth.categories[category]!;
    const inHouse = random.uniform() < truth.inHouseShare[category]!;
    episodes.push({
      laCode: child.laCode, childId: child.childId, decom: fromDayNumber(episodeStart),
      dec: dec === null ? null : fromDayNumber(dec),
      place: cat === 'supported' && episodeStart >= SUPPORTED_K3_FROM ? 'K3' : (PLACE_OF[cat] ?? 'P1'),
      placeProvider: cat === 'other' ? 'PR0' : inHouse ? 'PR1' : 'PR4', rec,
    });
  };
  for (;;) {
    const row = truth.hazards[band * nC + category]!;
    const q = row.reduce((a, b) => a + b, 0);
    const next = q > 0 ? t + exponential(random, q) : Infinity;
    const limit = ends[band]!;
    if (next >= limit) {
      t = limit;
      band++;
      if (band === ends.length) {
        // Ages out on the 18th birthday.
        const day = Math.floor(t);
        if (day >= child.dataEnd) emit(null, null);
        else emit(day, 'E17');
        return;
      }
      continue;
    }
    t = next;
    const day = Math.max(episodeStart, Math.floor(t));
    if (day >= child.dataEnd) {
      emit(null, null);
      return;
    }
    const d = pick(random, cumulate(row));
    if (d < nC) {
      // One episode per child per start day (the database's key): a same-day move waits a day.
      if (day === episodeStart) continue;
      emit(day, 'X1');
      category = d;
      episodeStart = day;
      continue;
    }
    emit(day, REC_OF[truth.exitReasons[d - nC]!] ?? 'E8');
    return;
  }
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum += w / total));
}

function pick(random: Random, cumulative: readonly number[]): number {
  const u = random.uniform();
  let i = 0;
  while (i < cumulative.length - 1 && cumulative[i]! <= u) i++;
  return i;
}
