import { addMonths, addYears, fromDayNumber, isIsoDate, parseIsoDate, toDayNumber } from '../calendar/index.js';
import type { CapacityOverlay, ExtraMove, SimulationPlan } from './plan.js';
import { MONTHS, ScenarioError, type Scenario } from './scenario.js';
import type { ForecastModel, StockChild } from './types.js';
import { bandEndDays } from './ages.js';

/** What a scenario became in the engine's terms, with a sentence per change saying so. */
export interface CompiledScenario {
  readonly hazardEpochStarts: number[];
  readonly hazardMultiplier: number[][];
  readonly extraMoves: ExtraMove[];
  /** Target number of moves per extra move (for calibrating the hazard to the stated count). */
  readonly moveTargets: number[];
  readonly entryEpochStarts: number[];
  readonly entryMultiplier: number[][];
  readonly capacity: CapacityOverlay[];
  /** Running cost per place per week for each overlay (undefined: use the in-house cost). */
  readonly capacityWeeklyCost: (number | undefined)[];
  readonly explanations: string[];
}

export interface Timeline {
  readonly origin: string;
  readonly originDay: number;
  readonly horizonDays: number;
  readonly reportDays: number[];
  readonly reportDates: string[];
  readonly yearStarts: number[];
}

export function timeline(origin: string, years: number): Timeline {
  if (!isIsoDate(origin)) throw new ScenarioError(`forecast start ${JSON.stringify(origin)} is not an ISO date`);
  if (!(years >= 1 && years <= 5 && Number.isInteger(years))) throw new ScenarioError(`years must be a whole number from 1 to 5 (got ${years})`);
  const originDay = toDayNumber(origin);
  const reportDates = Array.from({ length: 12 * years + 1 }, (_, k) => addMonths(origin, k));
  const reportDays = reportDates.map((d) => toDayNumber(d) - originDay);
  const yearStarts = Array.from({ length: years + 1 }, (_, y) => toDayNumber(addYears(origin, y)) - originDay);
  return { origin, originDay, horizonDays: yearStarts[years]!, reportDays, reportDates, yearStarts };
}

/** An ISO date or a month name ('April' = the first 1 April on or after the origin) → day after origin. */
export function resolveDay(value: string | undefined, fallback: number, time: Timeline): number {
  if (value === undefined) return fallback;
  let day: number;
  if (isIsoDate(value)) day = toDayNumber(value) - time.originDay;
  else {
    const month = MONTHS.indexOf(String(value).toLowerCase()) + 1;
    const { year } = parseIsoDate(time.origin);
    let first = toDayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
    if (first < time.originDay) first = toDayNumber(`${year + 1}-${String(month).padStart(2, '0')}-01`);
    day = first - time.originDay;
  }
  return Math.max(0, Math.min(time.horizonDays, day));
}

function indexOfName(names: readonly string[], name: string, what: string): number {
  const i = names.indexOf(name);
  if (i < 0) throw new ScenarioError(`unknown ${what} '${name}'; expected one of ${names.join(', ')}`);
  return i;
}

/**
 * Turn a scenario into epochs, multipliers and extra hazards. `baselineChildDays` (mean
 * child-days per report interval × category from a baseline run) is needed to turn "move N
 * children" into a hazard: N ÷ the child-days expected in the category over the period.
 */
export function compileScenario(
  scenario: Scenario | undefined,
  model: ForecastModel,
  time: Timeline,
  baselineChildDays?: number[][],
): CompiledScenario {
  const nC = model.categories.length;
  const nStates = model.ageBands.length * nC;
  const nDest = nC + model.exitReasons.length;
  const nGroups = model.entries.length;
  const H = time.horizonDays;
  const changes = scenario?.changes ?? [];
  const explanations: string[] = [];
  const fmt = (day: number) => fromDayNumber(time.originDay + day);

  // Entry epochs.
  // Entry epochs break at each forecast year (the year-to-year drift changes there).
  const entryCuts = new Set<number>(time.yearStarts);
  for (const c of changes) {
    if (c.kind === 'entries') {
      entryCuts.add(resolveDay(c.from, 0, time));
      entryCuts.add(resolveDay(c.to, H, time));
    }
    if (c.kind === 'entry_growth') {
      const from = resolveDay(c.from, 0, time);
      entryCuts.add(from);
      for (const d of time.reportDays) if (d > from) entryCuts.add(d);
    }
  }
  const entryEpochStarts = [...entryCuts].filter((d) => d < H).sort((a, b) => a - b);
  const entryMultiplier = entryEpochStarts.map(() => new Array<number>(nGroups).fill(1));
  for (const c of changes) {
    if (c.kind === 'entries') {
      const from = resolveDay(c.from, 0, time);
      const to = resolveDay(c.to, H, time);
      const bands = c.ageBands?.map((b) => indexOfName(model.ageBands.map((x) => x.label), b, 'age band'));
      const cats = c.categories?.map((x) => indexOfName(model.categories, x, 'category'));
      let affected = 0;
      for (let g = 0; g < nGroups; g++) {
        const uasc = g >= nStates;
        const state = g % nStates;
        if (c.uasc !== undefined && c.uasc !== uasc) continue;
        if (bands && !bands.includes(Math.floor(state / nC))) continue;
        if (cats && !cats.includes(state % nC)) continue;
        affected += model.entries[g]!;
        entryEpochStarts.forEach((start, e) => {
          if (start >= from && start < to) entryMultiplier[e]![g]! *= 1 + c.change;
        });
      }
      if (c.uasc !== undefined && !model.separateUasc) throw new ScenarioError('this model does not estimate UASC entries separately');
      explanations.push(
        `Entries${c.uasc === true ? ' of UASC' : c.uasc === false ? ' other than UASC' : ''}${bands ? ` aged ${c.ageBands!.join(', ')}` : ''}` +
          ` ${c.change >= 0 ? 'up' : 'down'} ${Math.round(Math.abs(c.change) * 100)}% from ${fmt(from)} to ${fmt(to)}:` +
          ` entry rates × ${(1 + c.change).toFixed(3)} (these groups had ${affected} entries in the reference window).`,
      );
    }
    if (c.kind === 'entry_growth') {
      const from = resolveDay(c.from, 0, time);
      entryEpochStarts.forEach((start, e) => {
        if (start < from) return;
        const end = Math.min(H, entryEpochStarts[e + 1] ?? H);
        const factor = Math.pow(1 + c.annualRate, ((start + end) / 2 - from) / 365.25);
        for (let g = 0; g < nGroups; g++) entryMultiplier[e]![g]! *= factor;
      });
      explanations.push(`Entries growing ${(c.annualRate * 100).toFixed(1)}% a year from ${fmt(from)}: entry rates stepped up each month.`);
    }
  }

  // Hazard epochs.
  const hazardCuts = new Set<number>([0]);
  for (const c of changes) {
    if (c.kind === 'move') {
      hazardCuts.add(resolveDay(c.from, 0, time));
      hazardCuts.add(resolveDay(c.to, Math.min(H, 365), time));
    }
    if (c.kind === 'leaving_rate') hazardCuts.add(resolveDay(c.from, 0, time));
  }
  const hazardEpochStarts = [...hazardCuts].filter((d) => d < H).sort((a, b) => a - b);
  const hazardMultiplier = hazardEpochStarts.map(() => new Array<number>(nStates * nDest).fill(1));
  const extraMoves: ExtraMove[] = [];
  const moveTargets: number[] = [];
  for (const c of changes) {
    if (c.kind === 'leaving_rate') {
      const cat = indexOfName(model.categories, c.category, 'category');
      const from = resolveDay(c.from, 0, time);
      hazardEpochStarts.forEach((start, e) => {
        if (start < from) return;
        for (let s = cat; s < nStates; s += nC) for (let d = 0; d < nDest; d++) hazardMultiplier[e]![s * nDest + d]! *= 1 + c.change;
      });
      explanations.push(
        `Ways out of ${c.category} ${c.change >= 0 ? 'up' : 'down'} ${Math.round(Math.abs(c.change) * 100)}% from ${fmt(from)}:` +
          ` every hazard out of ${c.category} × ${(1 + c.change).toFixed(3)} (average stay ÷ ${(1 + c.change).toFixed(3)}).`,
      );
    }
    if (c.kind === 'move') {
      const fromCategory = indexOfName(model.categories, c.fromCategory, 'category');
      const toCategory = indexOfName(model.categories, c.toCategory, 'category');
      const from = resolveDay(c.from, 0, time);
      const to = resolveDay(c.to, Math.min(H, 365), time);
      if (!(to > from)) throw new ScenarioError(`move of ${c.count} children: the period from ${fmt(from)} to ${fmt(to)} is empty`);
      if (!baselineChildDays) throw new ScenarioError('a move scenario needs a baseline run to convert children into rates');
      const expected = childDaysBetween(baselineChildDays, time.reportDays, fromCategory, from, to);
      const hazard = expected > 0 ? c.count / expected : 0;
      extraMoves.push({
        label: `${c.fromCategory} → ${c.toCategory}`,
        fromCategory,
        toCategory,
        hazard: hazardEpochStarts.map((start) => (start >= from && start < to ? hazard : 0)),
      });
      moveTargets.push(c.count);
      explanations.push(
        `${c.count} children moved from ${c.fromCategory} to ${c.toCategory} between ${fmt(from)} and ${fmt(to)}:` +
          ` an extra daily hazard of ${hazard.toPrecision(3)} per child in ${c.fromCategory}` +
          ` (baseline expects ${Math.round(expected).toLocaleString('en-GB')} child-days there; calibrated to the count by a pilot run).`,
      );
    }
  }

  const capacity: CapacityOverlay[] = [];
  const capacityWeeklyCost: (number | undefined)[] = [];
  for (const c of changes) {
    if (c.kind !== 'new_provision') continue;
    const category = indexOfName(model.categories, c.category, 'category');
    const fromDay = resolveDay(c.from, 0, time);
    capacity.push({ label: c.label, category, fromDay, places: c.places, share: c.share });
    capacityWeeklyCost.push(c.weeklyCostPerPlace);
    explanations.push(
      `${c.label}: ${c.places} places from ${fmt(fromDay)}; ${Math.round(c.share * 100)}% of new ${c.category} placements go there while a place is free;` +
        ` the places are paid for whether filled or not, and children placed there are not charged again at the ${c.category} rate.`,
    );
  }

  return {
    hazardEpochStarts, hazardMultiplier, extraMoves, moveTargets, entryEpochStarts, entryMultiplier,
    capacity, capacityWeeklyCost, explanations,
  };
}

/** Child-days in a category between two days, from per-interval totals (pro rata within intervals). */
export function childDaysBetween(childDays: number[][], reportDays: number[], category: number, from: number, to: number): number {
  let sum = 0;
  for (let k = 0; k < childDays.length; k++) {
    const a = reportDays[k]!;
    const b = reportDays[k + 1]!;
    const overlap = Math.max(0, Math.min(b, to) - Math.max(a, from));
    if (overlap > 0) sum += (childDays[k]![category]! * overlap) / (b - a);
  }
  return sum;
}

/** Assemble the run plan from a model, the starting stock and a compiled scenario. */
export function buildPlan(
  model: ForecastModel,
  stock: readonly StockChild[],
  time: Timeline,
  compiled: CompiledScenario,
  parameterUncertainty: boolean,
): SimulationPlan {
  const stockBandEnds: number[] = [];
  const cache = new Map<number, number[]>();
  for (const child of stock) {
    let ends = cache.get(child.dobDay);
    if (!ends) cache.set(child.dobDay, (ends = bandEndDays(child.dobDay, model.ageBands)));
    for (const e of ends) stockBandEnds.push(e - time.originDay);
  }
  return {
    model,
    originDay: time.originDay,
    horizonDays: time.horizonDays,
    reportDays: time.reportDays,
    yearStarts: time.yearStarts,
    parameterUncertainty,
    stockCategory: stock.map((c) => c.category),
    stockUasc: stock.map((c) => (c.uasc ? 1 : 0)),
    stockBandEnds,
    hazardEpochStarts: compiled.hazardEpochStarts,
    hazardMultiplier: compiled.hazardMultiplier,
    extraMoves: compiled.extraMoves,
    entryEpochStarts: compiled.entryEpochStarts,
    entryMultiplier: compiled.entryMultiplier,
    capacity: compiled.capacity,
  };
}
