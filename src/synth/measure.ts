import { daysFromCivil } from '../calendar/index.js';
import { collectionYearStart, snapshotDay } from './context.js';
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
  const from = collectionYearStart(year);
  const to = snapshotDay(year);
  const out: GeneratedMeasures = {};

  let referrals = 0;
  let rereferrals = 0;
  const previous = previousReferralDays(world);
  const referralList = world.referrals;
  for (let i = 0; i < referralList.length; i++) {
    const day = referralList[i]!.day;
    if (day >= from && day <= to) {
      referrals++;
      if (day - previous[i]! <= 365) rereferrals++;
    }
  }
  out.referrals = referrals;
  out['referrals.rereferrals'] = rereferrals;
  out['referrals.rereferral_pct'] = referrals ? round1((100 * rereferrals) / referrals) : 0;

  let cin = 0;
  for (const r of world.referrals) if (!r.nfa && isOpenOn(r.day, r.close, to)) cin++;
  out['cin.at31'] = cin;
  out['cin.at31.rate'] = round1((10000 * cin) / population);

  let started = 0;
  let subsequent = 0;
  let cpAt31 = 0;
  for (const p of world.cpPlans) {
    if (p.start >= from && p.start <= to) {
      started++;
      if (p.subsequent) subsequent++;
    }
    if (isOpenOn(p.start, p.end, to)) cpAt31++;
  }
  out['cpp.started'] = started;
  out['cpp.started.subsequent'] = subsequent;
  out['cpp.started.subsequent_pct'] = started ? round1((100 * subsequent) / started) : 0;
  out['cpp.at31'] = cpAt31;
  out['cpp.at31.rate'] = round1((10000 * cpAt31) / population);

  const startedChildren = new Set<number>();
  let uascStarted = 0;
  const ceasedChildren = new Set<number>();
  const atSnapshot = new Set<number>();
  const placements = Object.fromEntries(PLACEMENT_GROUPS.map((g) => [g, 0])) as Record<string, number>;
  let uascAt31 = 0;
  for (const p of world.carePeriods) {
    if (p.start >= from && p.start <= to && !startedChildren.has(p.child)) {
      startedChildren.add(p.child);
      if (world.children[p.child - 1]!.uasc) uascStarted++;
    }
    if (p.end !== null && p.end >= from && p.end <= to) ceasedChildren.add(p.child);
    if (isOpenOn(p.start, p.end, to) && !atSnapshot.has(p.child)) {
      atSnapshot.add(p.child);
      if (world.children[p.child - 1]!.uasc) uascAt31++;
      const episode = p.episodes.find((e) => isOpenOn(e.start, e.end, to)) ?? p.episodes.at(-1)!;
      placements[placeGroupOf(episode.place)]! += 1;
    }
  }
  out['cla.at31'] = atSnapshot.size;
  out['cla.at31.rate'] = Math.round((10000 * atSnapshot.size) / population);
  out['cla.started'] = startedChildren.size;
  out['cla.ceased'] = ceasedChildren.size;
  out['cla.at31.uasc'] = uascAt31;
  out['cla.started.uasc'] = uascStarted;
  for (const g of PLACEMENT_GROUPS) out[`cla.at31.placement.${g}`] = placements[g]!;

  if (world.workers.length > 0) {
    // The census taken during the collection year: 30 September of its first half (label year − 1).
    const census = daysFromCivil(year - 1, 9, 30);
    if (census <= world.end && census >= world.start) Object.assign(out, measureWorkforce(world, census));
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
