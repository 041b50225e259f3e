import { groupOf, ssda903 } from '../model/code-lists/index.js';
import { fromDayNumber, toDayNumber } from '../calendar/index.js';
import { defaultPlacementCategoryOf } from './config.js';
import type { Projection } from './project.js';

/**
 * Placement costs: weekly cost per category and provider, with the price date, uprated by an
 * annual inflation assumption to the forecast start and through the horizon. Defaults are
 * data from national-figures.md; an authority's placement_cost rows override them.
 */
export interface WeeklyCost {
  readonly category: string;
  readonly provider: 'in_house' | 'external' | 'any';
  readonly weekly: number;
  /** Date the price applies to (uprated from here). */
  readonly priceDate: string;
  readonly source: string;
}

const OXFORDSHIRE = 'Oxfordshire Cabinet, 23 February 2016 (prices at 31 December 2015)';

export const DEFAULT_WEEKLY_COSTS: readonly WeeklyCost[] = [
  { category: 'fostering', provider: 'in_house', weekly: 481, priceDate: '2015-12-31', source: `${OXFORDSHIRE}: in-house foster care` },
  { category: 'fostering', provider: 'external', weekly: 835, priceDate: '2015-12-31', source: `${OXFORDSHIRE}: independent fostering agency` },
  { category: 'residential', provider: 'in_house', weekly: 2924, priceDate: '2015-12-31', source: `${OXFORDSHIRE}: in-house residential` },
  { category: 'residential', provider: 'external', weekly: 3402, priceDate: '2015-12-31', source: `${OXFORDSHIRE}: external residential` },
  {
    category: 'supported', provider: 'any', weekly: 1000, priceDate: '2023-03-31',
    source: 'PLACEHOLDER: no published figure in the reference data (the public demand models ship £1,000); set a local cost',
  },
  {
    category: 'other', provider: 'any', weekly: 481, priceDate: '2015-12-31',
    source: 'PLACEHOLDER: Oxfordshire reports "variable" for placed with parents, family and friends; in-house fostering rate used; set a local cost',
  },
];

/** Default annual inflation assumption for placement prices (an assumption, not a forecast). */
export const DEFAULT_INFLATION = 0.03;

/** placement_cost rows (placement_type = category name or PLACE code; provider any/in_house/external/PRn). */
export interface PlacementCostRow {
  readonly placementType: string;
  readonly provider: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly weeklyCost: number;
  readonly source: string;
}

/**
 * Costs in force on `date`: the defaults, with any (category, provider) the authority has
 * costed replaced by its own rows (several PLACE codes of one category are averaged).
 */
export function costsFromRows(rows: readonly PlacementCostRow[], date: string, categories: readonly string[]): WeeklyCost[] {
  const own = new Map<string, { sum: number; n: number; priceDate: string; sources: Set<string> }>();
  for (const row of rows) {
    if (row.validFrom > date || (row.validTo !== null && row.validTo < date)) continue;
    const category = categories.includes(row.placementType) ? row.placementType : defaultPlacementCategoryOf(row.placementType);
    if (category === undefined) continue;
    const group = row.provider.startsWith('PR') ? groupOf(ssda903.PLACE_PROVIDER, row.provider) : row.provider;
    const provider = group === 'in_house' || group === 'external' ? group : 'any';
    const key = `${category}|${provider}`;
    const entry = own.get(key) ?? { sum: 0, n: 0, priceDate: row.validFrom, sources: new Set<string>() };
    entry.sum += row.weeklyCost;
    entry.n += 1;
    if (row.validFrom > entry.priceDate) entry.priceDate = row.validFrom;
    entry.sources.add(row.source);
    own.set(key, entry);
  }
  const ownCategories = new Set([...own.keys()].map((k) => k.split('|')[0]));
  const result: WeeklyCost[] = DEFAULT_WEEKLY_COSTS.filter((c) => !ownCategories.has(c.category));
  for (const [key, e] of own) {
    const [category, provider] = key.split('|') as [string, WeeklyCost['provider']];
    result.push({ category, provider, weekly: e.sum / e.n, priceDate: e.priceDate, source: `placement_cost: ${[...e.sources].join('; ')}` });
  }
  return result;
}

export interface CostOptions {
  readonly costs?: readonly WeeklyCost[];
  readonly inflation?: number;
}

export interface CategoryCost {
  readonly category: string;
  /** Weekly cost at the forecast start (uprated, mixed by provider share). */
  readonly weeklyAtStart: number;
  readonly inHouseShare: number | null;
  readonly sources: string[];
}

/** Weekly cost per category at the forecast start, mixing in-house and external by the observed share. */
export function categoryCosts(projection: Projection, options: CostOptions = {}): CategoryCost[] {
  const costs = options.costs ?? DEFAULT_WEEKLY_COSTS;
  const inflation = options.inflation ?? DEFAULT_INFLATION;
  const originDay = projection.time.originDay;
  const uprated = (c: WeeklyCost) => c.weekly * Math.pow(1 + inflation, (originDay - toDayNumber(c.priceDate)) / 365.25);
  return projection.model.categories.map((category, c) => {
    const own = costs.filter((x) => x.category === category);
    const inHouse = own.find((x) => x.provider === 'in_house');
    const external = own.find((x) => x.provider === 'external');
    const any = own.find((x) => x.provider === 'any');
    const share = projection.model.inHouseShare[c]!;
    let weekly = 0;
    let used: WeeklyCost[] = [];
    if (inHouse && external) {
      const s = Number.isFinite(share) ? share : 0.5;
      weekly = s * uprated(inHouse) + (1 - s) * uprated(external);
      used = [inHouse, external];
    } else {
      const one = any ?? inHouse ?? external;
      if (one) {
        weekly = uprated(one);
        used = [one];
      }
    }
    return {
      category,
      weeklyAtStart: weekly,
      inHouseShare: Number.isFinite(share) ? share : null,
      sources: used.map((u) => `£${u.weekly} a week (${u.provider}, price date ${u.priceDate}): ${u.source}`),
    };
  });
}

/** Weekly in-house cost of a category at the forecast start (for new provision priced by default). */
function inHouseWeekly(projection: Projection, category: number, options: CostOptions): number {
  const costs = options.costs ?? DEFAULT_WEEKLY_COSTS;
  const inflation = options.inflation ?? DEFAULT_INFLATION;
  const name = projection.model.categories[category]!;
  const c = costs.find((x) => x.category === name && x.provider === 'in_house') ?? costs.find((x) => x.category === name);
  if (!c) return 0;
  return c.weekly * Math.pow(1 + inflation, (projection.time.originDay - toDayNumber(c.priceDate)) / 365.25);
}

/**
 * Spend per run per report interval (month): [run][interval], £. Child-days × daily cost,
 * compounded by inflation from the forecast start; new provision charged per place whether
 * filled or not.
 */
export function spendByInterval(projection: Projection, options: CostOptions = {}): Float64Array {
  const inflation = options.inflation ?? DEFAULT_INFLATION;
  const perCategory = categoryCosts(projection, options).map((c) => c.weeklyAtStart / 7);
  const { time, outputs, compiled } = projection;
  const nC = perCategory.length;
  const nIntervals = time.reportDays.length - 1;
  const overlays = compiled.capacity;
  const overlayDaily = overlays.map((o, i) => (compiled.capacityWeeklyCost[i] ?? inHouseWeekly(projection, o.category, options)) / 7);
  const spend = new Float64Array(outputs.runs * nIntervals);
  for (let k = 0; k < nIntervals; k++) {
    const a = time.reportDays[k]!;
    const b = time.reportDays[k + 1]!;
    const factor = Math.pow(1 + inflation, (a + b) / 2 / 365.25);
    let fixed = 0;
    overlays.forEach((o, i) => {
      const open = Math.max(0, b - Math.max(a, o.fromDay));
      fixed += open * o.places * overlayDaily[i]!;
    });
    for (let r = 0; r < outputs.runs; r++) {
      let sum = fixed;
      for (let c = 0; c < nC; c++) sum += outputs.childDays[(r * nIntervals + k) * nC + c]! * perCategory[c]!;
      overlays.forEach((o, i) => {
        sum -= outputs.overlayDays[(r * nIntervals + k) * overlays.length + i]! * perCategory[o.category]!;
      });
      spend[r * nIntervals + k] = sum * factor;
    }
  }
  return spend;
}

/** Spend per run per forecast year: [run][year], £ (the monthly spend summed by year). */
export function spendByRun(projection: Projection, options: CostOptions = {}): Float64Array {
  const { time, outputs } = projection;
  const byInterval = spendByInterval(projection, options);
  const nIntervals = time.reportDays.length - 1;
  const nYears = time.yearStarts.length - 1;
  const spend = new Float64Array(outputs.runs * nYears);
  for (let k = 0; k < nIntervals; k++) {
    const a = time.reportDays[k]!;
    let year = 0;
    while (year < nYears - 1 && a >= time.yearStarts[year + 1]!) year++;
    for (let r = 0; r < outputs.runs; r++) spend[r * nYears + year]! += byInterval[r * nIntervals + k]!;
  }
  return spend;
}

/** Labels of the forecast years: from a 31 March start, financial years ('2024-04-01 to 2025-03-31'). */
export function yearLabels(projection: Pick<Projection, 'time'>): string[] {
  const { time } = projection;
  return time.yearStarts.slice(0, -1).map((s, y) => `${fromDayNumber(time.originDay + s + 1)} to ${fromDayNumber(time.originDay + time.yearStarts[y + 1]!)}`);
}
