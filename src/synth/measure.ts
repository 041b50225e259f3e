import { daysFromCivil } from '../calendar/index.js';
import { snapshotDay } from './context.js';
import { censusYearsSpanned, collectionYearOfDay } from './days.js';
import type { SimWorld } from './model.js';
import { placeGroupOf } from './parameters.js';
import { PLACEMENT_GROUPS } from './targets.js';
import { CASE_HOLDING_ROLES, SOCIAL_WORKER_ROLES } from './workforce.js';

/** Generated values of the published measures for one collection year (same ids as src/reference). */
export type GeneratedMeasures = Record<string, number>;

const isOpenOn = (start: number, end: number | null, day: number) => start <= day && (end === null || end > day);

/**
 * Counts the simulated authority the way DfE counts a real one: referrals received in the year,
 * re-referrals within 12 months of the child's previous referral, CIN episodes open at 31 March
 * (excluding NFA), CP plans started and open at 31 March, second or subsequent plans, children
 * looked after at 31 March, starting and ceasing (children, not episodes), placements at 31
 * March, and the workforce at 30 September (agency FTE rate; cases per case-holding FTE).
 */
export function measureYear(world: SimWorld, year: number, population: number): GeneratedMeasures {
  return measureYears(world, [year], () => population).get(year)!;
}

/**
 * The same for many years in one pass over the records (calibration measures every year of
 * every run: a pass per year was a fifth of a large authority's simulation time).
 */
export function measureYears(world: SimWorld, years: readonly number[], population: (year: number) => number): Map<number, GeneratedMeasures> {
  if (years.length === 0) return new Map();
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = last - first + 1;
  const counters = Array.from({ length: span }, () => ({
    referrals: 0, rereferrals: 0, cin: 0, started: 0, subsequent: 0, cpAt31: 0,
    startedChildren: new Set<number>(), uascStarted: 0, ceasedChildren: new Set<number>(), atSnapshot: new Set<number>(), uascAt31: 0,
    placements: Object.fromEntries(PLACEMENT_GROUPS.map((g) => [g, 0])) as Record<string, number>,
  }));
  // Years in range whose 31 March a record open from `start` to `end` spans.
  const openYears = (start: number, end: number | null): [number, number] => {
    const [from, to] = censusYearsSpanned(start, end);
    return [Math.max(first, from), Math.min(last, to)];
  };

  const previous = previousReferralDays(world);
  const referralList = world.referrals;
  for (let i = 0; i < referralList.length; i++) {
    const r = referralList[i]!;
    const y = collectionYearOfDay(r.day);
    if (y >= first && y <= last) {
      const c = counters[y - first]!;
      c.referrals++;
      if (r.day - previous[i]! <= 365) c.rereferrals++;
    }
    if (r.nfa) continue;
    const [from, to] = openYears(r.day, r.close);
    for (let k = from; k <= to; k++) counters[k - first]!.cin++;
  }
  for (const p of world.cpPlans) {
    const y = collectionYearOfDay(p.start);
    if (y >= first && y <= last) {
      counters[y - first]!.started++;
      if (p.subsequent) counters[y - first]!.subsequent++;
    }
    const [from, to] = openYears(p.start, p.end);
    for (let k = from; k <= to; k++) counters[k - first]!.cpAt31++;
  }
  for (const p of world.carePeriods) {
    const uasc = world.children[p.child - 1]!.uasc;
    const y = collectionYearOfDay(p.start);
    if (y >= first && y <= last) {
      const c = counters[y - first]!;
      if (!c.startedChildren.has(p.child)) {
        c.startedChildren.add(p.child);
        if (uasc) c.uascStarted++;
      }
    }
    if (p.end !== null) {
      const e = collectionYearOfDay(p.end);
      if (e >= first && e <= last) counters[e - first]!.ceasedChildren.add(p.child);
    }
    const [from, to] = openYears(p.start, p.end);
    for (let k = from; k <= to; k++) {
      const c = counters[k - first]!;
      if (c.atSnapshot.has(p.child)) continue;
      c.atSnapshot.add(p.child);
      if (uasc) c.uascAt31++;
      const census = snapshotDay(k);
      const episode = p.episodes.find((e) => isOpenOn(e.start, e.end, census)) ?? p.episodes.at(-1)!;
      c.placements[placeGroupOf(episode.place)]! += 1;
    }
  }

  const out = new Map<number, GeneratedMeasures>();
  for (const year of years) {
    const c = counters[year - first]!;
    const pop = population(year);
    const m: GeneratedMeasures = {
      referrals: c.referrals,
      'referrals.rereferrals': c.rereferrals,
      'referrals.rereferral_pct': c.referrals ? round1((100 * c.rereferrals) / c.referrals) : 0,
      'cin.at31': c.cin,
      'cin.at31.rate': round1((10000 * c.cin) / pop),
      'cpp.started': c.started,
      'cpp.started.subsequent': c.subsequent,
      'cpp.started.subsequent_pct': c.started ? round1((100 * c.subsequent) / c.started) : 0,
      'cpp.at31': c.cpAt31,
      'cpp.at31.rate': round1((10000 * c.cpAt31) / pop),
      'cla.at31': c.atSnapshot.size,
      'cla.at31.rate': Math.round((10000 * c.atSnapshot.size) / pop),
      'cla.started': c.startedChildren.size,
      'cla.ceased': c.ceasedChildren.size,
      'cla.at31.uasc': c.uascAt31,
      'cla.started.uasc': c.uascStarted,
    };
    for (const g of PLACEMENT_GROUPS) m[`cla.at31.placement.${g}`] = c.placements[g]!;
    if (world.workers.length > 0) {
      // The census taken during the collection year: 30 September of its first half (label year − 1).
      const census = daysFromCivil(year - 1, 9, 30);
      if (census <= world.end && census >= world.start) Object.assign(m, measureWorkforce(world, census));
    }
    out.set(year, m);
  }
  return out;
}

/** Workforce census measures at one date (30 September). */
export function measureWorkforce(world: SimWorld, day: number): GeneratedMeasures {
  let agency = 0;
  let total = 0;
  let caseHolderFte = 0;
  const caseHolders = new Set<number>();
  for (const w of world.workers) {
    if (!isOpenOn(w.start, w.end, day)) continue;
    if (SOCIAL_WORKER_ROLES.has(w.role)) {
      total += w.fte;
      if (w.agency) agency += w.fte;
    }
    if (CASE_HOLDING_ROLES.has(w.role)) {
      caseHolderFte += w.fte;
      caseHolders.add(w.id);
    }
  }
  let cases = 0;
  for (const a of world.allocations) if (a.role === 'allocated_worker' && caseHolders.has(a.worker) && isOpenOn(a.start, a.end, day)) cases++;
  return {
    'workforce.agency_rate_fte': total ? round1((100 * agency) / total) : 0,
    'workforce.caseload_fte': caseHolderFte ? round1(cases / caseHolderFte) : 0,
    'workforce.cases': cases,
    'workforce.case_holders_fte': round1(caseHolderFte),
    'workforce.social_worker_fte': round1(total),
  };
}

const previousCache = new WeakMap<SimWorld, Float64Array>();

/**
 * For each referral, the day of the same child's latest earlier referral (-Infinity if none).
 * Computed once per world: calibration measures every year of every pass.
 */
function previousReferralDays(world: SimWorld): Float64Array {
  let out = previousCache.get(world);
  if (out && out.length === world.referrals.length) return out;
  out = new Float64Array(world.referrals.length);
  const last = new Float64Array(world.children.length + 1).fill(-Infinity);
  world.referrals.forEach((r, i) => {
    out![i] = last[r.child]!;
    if (r.day > last[r.child]!) last[r.child] = r.day;
  });
  previousCache.set(world, out);
  return out;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
