import { getAuthority, getValue, population } from '../reference/index.js';

/**
 * Yearly targets for one authority, read from the shipped DfE reference data (src/reference).
 * Where a year has no published value (suppressed, before a series starts, the CLA tables before
 * 2021, the workforce census before 2017) the nearest published year is used, scaled by the
 * national trend where one is known, so the generator always has a complete set of inputs.
 * `published` keeps only what DfE actually published: that is what calibration is judged against.
 */
export interface YearTargets {
  year: number;
  population: number;
  referrals: number;
  rereferralPct: number;
  nfaPct: number;
  notInNeedPct: number;
  s47: number;
  icpc: number;
  icpcWithin15Pct: number;
  assessmentMedianDays: number;
  cinAt31: number;
  cpStarted: number;
  cpSubsequentPct: number;
  cpAt31: number;
  cpCategoryShares: Record<CpCategory, number>;
  claAt31: number;
  claStarted: number;
  claCeased: number;
  claStartedUasc: number;
  placementShares: Record<PlacementGroup, number>;
  /** Share of CLA at 31 March placed with own-LA (in-house) provision, among foster placements. */
  inHouseFosterShare: number;
  agencyRatePct: number;
  caseloadPerFte: number;
  /** Social workers in post (FTE) per case-holding FTE: managers, IROs and others on top. */
  inPostPerCaseHolder: number;
  turnoverPct: number;
}

export const CP_CATEGORIES = ['neglect', 'physical', 'sexual', 'emotional', 'multiple'] as const;
export type CpCategory = (typeof CP_CATEGORIES)[number];

/** DfE's CLA-at-31-March placement groups (cla.at31.placement.*). */
export const PLACEMENT_GROUPS = [
  'foster',
  'placed_for_adoption',
  'with_parents',
  'independent_living',
  'secure_childrens_homes',
  'other_residential',
  'residential_schools',
  'other',
] as const;
export type PlacementGroup = (typeof PLACEMENT_GROUPS)[number];

/** Published DfE measures used for calibration, per year (null when not published). */
export type PublishedMeasures = Record<string, number | null>;

/** England CLA at 31 March and starters before the shipped CLA series begins (DfE releases). */
const ENGLAND_CLA_AT31: Record<number, number> = { 2012: 67070, 2013: 68110, 2014: 68840, 2015: 69540, 2016: 70440, 2017: 72590, 2018: 75420, 2019: 78150, 2020: 80080, 2021: 80780 };
const ENGLAND_CLA_STARTED: Record<number, number> = { 2012: 28830, 2013: 30000, 2014: 30590, 2015: 31710, 2016: 32050, 2017: 32940, 2018: 32050, 2019: 31770, 2020: 30970, 2021: 28470 };

function nearest(la: string, measure: string, year: number, window = 12): { value: number; year: number } | null {
  for (let d = 0; d <= window; d++) {
    for (const y of d === 0 ? [year] : [year + d, year - d]) {
      const v = getValue(la, measure, y);
      if (v !== null && Number.isFinite(v)) return { value: v, year: y };
    }
  }
  return null;
}

function valueOr(la: string, measure: string, year: number, fallback: number): number {
  return nearest(la, measure, year)?.value ?? fallback;
}

/** A count scaled to this year's population when taken from another year. */
function countOr(la: string, measure: string, year: number, pop: (y: number) => number, fallbackRatePer10k: number): number {
  const found = nearest(la, measure, year);
  if (!found) return (fallbackRatePer10k * pop(year)) / 10000;
  return found.year === year ? found.value : (found.value * pop(year)) / pop(found.year);
}

/** CLA counts before 2021 follow the England trend from the authority's 2021 level. */
function claCount(la: string, measure: 'cla.at31' | 'cla.started' | 'cla.ceased', year: number, pop: (y: number) => number): number {
  const own = getValue(la, measure, year);
  if (own !== null) return own;
  const base = nearest(la, measure, 2021);
  if (!base) return ((measure === 'cla.at31' ? 68 : 28) * pop(year)) / 10000;
  if (year >= 2021 || base.year < 2021) return (base.value * pop(year)) / pop(base.year);
  const stock2020 = base.year === 2021 ? impliedStock2020(la) : null;
  if (measure === 'cla.started' && stock2020 !== null) {
    // Starters before 2021 keep the stocks consistent: leavers at 2020/21's rate of the stock at
    // the start of the year, plus the change in stock.
    const stockBefore = claCount(la, 'cla.at31', year - 1, pop);
    const stock = claCount(la, 'cla.at31', year, pop);
    const leaving = getValue(la, 'cla.ceased', 2021)! / stock2020;
    return Math.max(0.1 * stock, leaving * stockBefore + stock - stockBefore);
  }
  const series = measure === 'cla.at31' ? ENGLAND_CLA_AT31 : ENGLAND_CLA_STARTED;
  const trend = series[Math.max(year, 2012)] ?? series[2012]!;
  // The stock a year before the first published one follows from 2021's flows; earlier years follow the England trend from it.
  if (measure === 'cla.at31' && stock2020 !== null) return (stock2020 * trend) / series[2020]!;
  return (base.value * trend) / series[2021]!;
}

/** The CLA stock at 31 March 2020 that 2020/21's flows imply: 2021's, plus the children who left during the year, less those who started. */
function impliedStock2020(la: string): number | null {
  const stock = getValue(la, 'cla.at31', 2021);
  const started = getValue(la, 'cla.started', 2021);
  const ceased = getValue(la, 'cla.ceased', 2021);
  if (stock === null || started === null || ceased === null || stock + ceased - started <= 0) return null;
  return stock + ceased - started;
}

export function authorityName(laCode: string): string {
  const a = getAuthority(laCode);
  if (!a || a.kind !== 'la') throw new Error(`Unknown local authority code ${JSON.stringify(laCode)}: use a current 3-digit DfE code such as 931 (Oxfordshire).`);
  return a.name;
}

export function yearTargets(laCode: string, year: number): YearTargets {
  authorityName(laCode);
  const pop = (y: number) => population(laCode, y - 1) ?? nearest(laCode, 'population.0_17', y - 1)?.value ?? 100000;
  const referrals = countOr(laCode, 'referrals', year, pop, 540);
  const cpStarted = countOr(laCode, 'cpp.started', year, pop, 55);
  const categoryCounts = CP_CATEGORIES.map((c) => valueOr(laCode, `cpp.started.initial.${c}`, year, { neglect: 49, physical: 8, sexual: 4, emotional: 37, multiple: 2 }[c]));
  const categoryTotal = categoryCounts.reduce((a, b) => a + b, 0) || 1;
  const placementCounts = PLACEMENT_GROUPS.map((g) => Math.max(0, valueOr(laCode, `cla.at31.placement.${g}`, year, 0)));
  const placementTotal = placementCounts.reduce((a, b) => a + b, 0);
  const nationalPlacement = [0.68, 0.03, 0.07, 0.09, 0.1, 0.01, 0.01, 0.01];
  const ownProvision = valueOr(laCode, 'cla.at31.provider.own', year, 0);
  const privateProvision = valueOr(laCode, 'cla.at31.provider.private', year, 0) + valueOr(laCode, 'cla.at31.provider.voluntary', year, 0);
  const caseHolders = valueOr(laCode, 'workforce.case_holders_fte', year, 0);
  const inPost = valueOr(laCode, 'workforce.inpost_fte', year, 0);
  const claAt31 = claCount(laCode, 'cla.at31', year, pop);
  const uascShare = (valueOr(laCode, 'cla.started.uasc', year, 0) || 0) / Math.max(1, valueOr(laCode, 'cla.started', year, 1));
  const claStarted = claCount(laCode, 'cla.started', year, pop);
  return {
    year,
    population: pop(year),
    referrals,
    rereferralPct: valueOr(laCode, 'referrals.rereferral_pct', year, 22.5),
    nfaPct: valueOr(laCode, 'referrals.nfa_pct', year, 6.5),
    notInNeedPct: valueOr(laCode, 'referrals.not_in_need_pct', year, 29),
    s47: countOr(laCode, 's47', year, pop, 185),
    icpc: countOr(laCode, 'icpc', year, pop, 62),
    icpcWithin15Pct: valueOr(laCode, 'icpc.within_15_days_pct', year, 78),
    assessmentMedianDays: valueOr(laCode, 'assessments.days.median', year, 32),
    cinAt31: countOr(laCode, 'cin.at31', year, pop, 335),
    cpStarted,
    cpSubsequentPct: valueOr(laCode, 'cpp.started.subsequent_pct', year, 22),
    cpAt31: countOr(laCode, 'cpp.at31', year, pop, 43),
    cpCategoryShares: Object.fromEntries(CP_CATEGORIES.map((c, i) => [c, categoryCounts[i]! / categoryTotal])) as Record<CpCategory, number>,
    claAt31,
    claStarted,
    claCeased: claCount(laCode, 'cla.ceased', year, pop),
    claStartedUasc: year >= 2021 ? claStarted * uascShare : claStarted * uascShare * 0.8,
    placementShares: Object.fromEntries(
      PLACEMENT_GROUPS.map((g, i) => [g, placementTotal > 0 ? placementCounts[i]! / placementTotal : nationalPlacement[i]!]),
    ) as Record<PlacementGroup, number>,
    inHouseFosterShare: ownProvision + privateProvision > 0 ? Math.min(0.85, Math.max(0.25, ownProvision / (ownProvision + privateProvision))) : 0.55,
    agencyRatePct: valueOr(laCode, 'workforce.agency_rate_fte', year, 17),
    caseloadPerFte: valueOr(laCode, 'workforce.caseload_fte', year, 16.5),
    inPostPerCaseHolder: caseHolders > 0 && inPost > 0 ? Math.max(1, Math.min(2.5, inPost / caseHolders)) : 1.45,
    turnoverPct: valueOr(laCode, 'workforce.turnover_rate_fte', year, 16),
  };
}

/** The measures calibration is judged on, exactly as published (null = not published). */
export const CALIBRATED_MEASURES = [
  'referrals',
  'referrals.rereferral_pct',
  'cin.at31',
  'cin.at31.rate',
  'cpp.started',
  'cpp.started.subsequent_pct',
  'cpp.at31',
  'cpp.at31.rate',
  'cla.at31',
  'cla.at31.rate',
  'cla.started',
  'cla.ceased',
  ...PLACEMENT_GROUPS.map((g) => `cla.at31.placement.${g}`),
  'workforce.agency_rate_fte',
  'workforce.caseload_fte',
] as const;

export function publishedMeasures(laCode: string, year: number): PublishedMeasures {
  const out: PublishedMeasures = {};
  // Workforce figures are labelled by census year; the census inside collection year Y is 30 September Y−1.
  for (const id of CALIBRATED_MEASURES) out[id] = getValue(laCode, id, id.startsWith('workforce.') ? year - 1 : year);
  return out;
}
