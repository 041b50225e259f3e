import { toDayNumber } from '../calendar/index.js';
import {
  CARE_EXIT_REASONS,
  DEFAULT_AGE_BANDS,
  DEFAULT_PLACEMENT_CATEGORIES,
  DEFAULT_PRIOR,
  defaultPlacementCategoryOf,
} from './config.js';
import { bandEndDays, bandOnDay } from './ages.js';
import { buildCareStays, buildPlanStays, type StayBuild } from './stays.js';
import { estimateDrift } from './drift.js';
import type { ChildRow, EpisodeRow, ForecastModel, ModelOptions, PlanRow, StockChild } from './types.js';

/**
 * Estimation: hazards as events ÷ child-days in each state over the reference window (the
 * maximum-likelihood estimator, not the established models' mean of daily ratios, which is
 * biased when stocks are small), entries as counts ÷ days, ages exact from dates of birth.
 */

/** Episodes → stays (with the quality report), once: the fit and the starting stock share it. */
export function prepareCare(
  episodes: readonly EpisodeRow[],
  children: readonly ChildRow[],
  options: Pick<ModelOptions, 'categories' | 'categoryOf' | 'exitReasons' | 'dataEnd'> = {},
): StayBuild {
  return buildCareStays(episodes, children, {
    categories: options.categories ?? DEFAULT_PLACEMENT_CATEGORIES,
    categoryOf: options.categoryOf ?? defaultPlacementCategoryOf,
    exitReasons: options.exitReasons ?? CARE_EXIT_REASONS,
    dataEnd: options.dataEnd,
  });
}

/** Fit the children-looked-after model from SSDA903 episodes. */
export function fitModel(episodes: readonly EpisodeRow[], children: readonly ChildRow[], options: ModelOptions): ForecastModel {
  return fitFromStays(prepareCare(episodes, children, options), { ...options, subject: options.subject ?? 'cla' });
}

/** Fit a one-state model (CP plans, CIN plans): starts and durations, by age band. */
export function fitPlanModel(plans: readonly PlanRow[], children: readonly ChildRow[], options: ModelOptions): ForecastModel {
  const subject = options.subject ?? 'plans';
  return fitFromStays(buildPlanStays(plans, children, options.dataEnd), {
    ...options,
    categories: [subject],
    exitReasons: ['ended'],
    separateUasc: false,
    subject,
  });
}

export function fitFromStays(build: StayBuild, options: ModelOptions): ForecastModel {
  const bands = options.ageBands ?? DEFAULT_AGE_BANDS;
  const categories = options.categories ?? DEFAULT_PLACEMENT_CATEGORIES;
  const exitReasons = options.exitReasons ?? CARE_EXIT_REASONS;
  const prior = { ...DEFAULT_PRIOR, ...options.prior };
  const maxAgeYears = options.maxAgeYears ?? bands[bands.length - 1]!.toYears;
  if (maxAgeYears !== bands[bands.length - 1]!.toYears) throw new Error('the last age band must end at maxAgeYears');
  const windowStart = toDayNumber(options.windowStart);
  const windowEnd = toDayNumber(options.windowEnd);
  if (!(windowEnd > windowStart)) throw new Error(`reference window ${options.windowStart} to ${options.windowEnd} is empty`);
  const nC = categories.length;
  const nStates = bands.length * nC;
  const nDest = nC + exitReasons.length;
  const events = new Array<number>(nStates * nDest).fill(0);
  const exposure = new Array<number>(nStates).fill(0);
  const entries = new Array<number>(2 * nStates).fill(0);
  const entryAges: number[][] = Array.from({ length: 2 * nStates }, () => []);
  const inHouse = new Array<number>(nC).fill(0);
  const external = new Array<number>(nC).fill(0);
  const separateUasc = options.separateUasc ?? true;
  const endsCache = new Map<number, number[]>();
  const keys = new Set<string>();

  for (const stay of build.stays) {
    inHouse[stay.category]! += stay.inHouseDays;
    external[stay.category]! += stay.externalDays;
    let ends = endsCache.get(stay.dobDay);
    if (!ends) endsCache.set(stay.dobDay, (ends = bandEndDays(stay.dobDay, bands)));
    const ageOut = ends[ends.length - 1]!;
    const from = Math.max(stay.start, windowStart);
    // Open stays are observed through the last day of the data, inclusive.
    const to = Math.min(stay.end ?? build.dataEndDay + 1, windowEnd, ageOut);
    if (to > from) keys.add(stay.key);
    // Exposure, split at each birthday that changes band.
    let t = from;
    while (t < to) {
      const band = bandOnDay(ends, t);
      const until = Math.min(to, ends[band]!);
      exposure[band * nC + stay.category]! += until - t;
      t = until;
    }
    if (stay.endKind !== 'open' && stay.end !== null && stay.end >= windowStart && stay.end < windowEnd && stay.end < ageOut) {
      // The event happens during day `end`: it belongs to the band the child is in that day.
      const band = bandOnDay(ends, stay.end);
      const dest = stay.endKind === 'move' ? stay.endTo : nC + stay.endTo;
      events[(band * nC + stay.category) * nDest + dest]! += 1;
    }
    if (stay.isEntry && stay.start >= windowStart && stay.start < windowEnd && stay.start < ageOut) {
      const band = bandOnDay(ends, stay.start);
      const group = (separateUasc && stay.uasc ? nStates : 0) + band * nC + stay.category;
      entries[group]! += 1;
      entryAges[group]!.push(stay.start - stay.dobDay);
    }
  }

  // Partial pooling: each hazard's prior mean is the category's hazard pooled over age bands.
  const priorShape = new Array<number>(nStates * nDest).fill(0);
  const priorRate = new Array<number>(nStates * nDest).fill(prior.pooledExposureDays);
  for (let c = 0; c < nC; c++) {
    let pooledExposure = 0;
    for (let b = 0; b < bands.length; b++) pooledExposure += exposure[b * nC + c]!;
    for (let d = 0; d < nDest; d++) {
      let pooledEvents = 0;
      for (let b = 0; b < bands.length; b++) pooledEvents += events[(b * nC + c) * nDest + d]!;
      const pooledRate = pooledExposure > 0 ? pooledEvents / pooledExposure : 0;
      for (let b = 0; b < bands.length; b++) priorShape[(b * nC + c) * nDest + d] = prior.pooledExposureDays * pooledRate;
    }
  }

  return {
    subject: options.subject ?? 'cla',
    windowStart: options.windowStart,
    windowEnd: options.windowEnd,
    windowDays: windowEnd - windowStart,
    ageBands: bands,
    categories,
    exitReasons,
    maxAgeYears,
    separateUasc,
    events,
    exposure,
    priorShape,
    priorRate,
    entries,
    entryAges,
    entryShape: prior.entryShape,
    drift:
      options.drift === false
        ? { entriesSd: 0, hazardSd: 0, years: 0, source: 'set' }
        : options.drift
          ? { ...options.drift, years: 0, source: 'set' }
          : estimateDrift(build, windowEnd),
    inHouseShare: categories.map((_, c) => (inHouse[c]! + external[c]! > 0 ? inHouse[c]! / (inHouse[c]! + external[c]!) : Number.NaN)),
    children: keys.size,
    quality: build.quality,
  };
}

/** Point estimates: posterior-mean daily hazards per (state, destination). */
export function posteriorMeanRates(model: ForecastModel): number[] {
  return model.events.map((n, i) => {
    const state = Math.floor(i / (model.categories.length + model.exitReasons.length));
    const shape = n + model.priorShape[i]!;
    return shape > 0 ? shape / (model.exposure[state]! + model.priorRate[i]!) : 0;
  });
}

/** Maximum-likelihood daily hazards (events ÷ child-days); 0 where a state was never occupied. */
export function maximumLikelihoodRates(model: ForecastModel): number[] {
  const nDest = model.categories.length + model.exitReasons.length;
  return model.events.map((n, i) => {
    const e = model.exposure[Math.floor(i / nDest)]!;
    return e > 0 ? n / e : 0;
  });
}

/** Children in each category on `date` (ISO): the projection's starting stock. */
export function stockOn(build: StayBuild, date: string, model: Pick<ForecastModel, 'ageBands'>): StockChild[] {
  const day = toDayNumber(date);
  const stock: StockChild[] = [];
  const cache = new Map<number, number[]>();
  for (const stay of build.stays) {
    if (stay.start > day || (stay.end !== null && stay.end <= day)) continue;
    let ends = cache.get(stay.dobDay);
    if (!ends) cache.set(stay.dobDay, (ends = bandEndDays(stay.dobDay, model.ageBands)));
    if (day >= ends[ends.length - 1]!) continue;
    stock.push({ key: stay.key, dobDay: stay.dobDay, category: stay.category, uasc: stay.uasc });
  }
  return stock;
}
