import { birthdayDay, censusYearsSpanned, collectionYearOfDay } from './days.js';
import { ageInYears, eighteenthBirthday, snapshotDay } from './context.js';
import { measureYears } from './measure.js';
import type { SimCarePeriod, SimCpPlan, SimReferral, SimWorld } from './model.js';
import { placeCodes, placeGroupOf } from './parameters.js';
import { Random, hashString } from './random.js';
import { toleranceBand } from './report.js';
import { PLACEMENT_GROUPS, type PlacementGroup } from './targets.js';

/** The stocks at 31 March (and the leavers they imply) that the census fit steers. */
export const CENSUS_MEASURES = ['cin.at31', 'cpp.at31', 'cpp.started.subsequent', 'cla.at31', 'cla.started', 'cla.ceased', ...PLACEMENT_GROUPS.map((g) => `cla.at31.placement.${g}`)] as const;

export interface CensusFitOptions {
  /** Output years fitted (end-year labels). */
  from: number;
  to: number;
  /** Published value of a measure in a year, or null where DfE published none. */
  published: (year: number, measure: string) => number | null | undefined;
  /** How far (days) an end or a placement change may move, each way. Default 61. */
  windowDays?: number;
}

export type CensusMoveKind = 'cp_repeat' | 'care_start' | 'care_end' | 'placement_change' | 'placement_type' | 'cp_plan_end' | 'cin_close';

export interface CensusFitResult {
  moves: Record<CensusMoveKind, number>;
  /** Sum over fitted measures of the squared excess beyond the inner band, before and after. */
  costBefore: number;
  costAfter: number;
}

/** Share of the tolerance band the fit aims inside (so the result keeps a margin). */
const INNER_BAND = 0.4;
const RETURN_HOME_RECS: ReadonlyArray<readonly [string, number]> = [['E4A', 0.8], ['E13', 0.12], ['E4B', 0.08]];

/** Changes to generated counts, keyed "year|measure". */
type Deltas = Array<readonly [string, number]>;
interface Move {
  deltas: Deltas;
  apply: () => void;
}
interface Candidate {
  kind: CensusMoveKind;
  /** Fixed draw placing the new day inside whatever range is valid when the move is made. */
  u: number;
  evaluate: () => Move | null;
  /** The one measure a move of this kind changes, where it changes only one (lets settled measures skip evaluation). */
  only?: string;
}

/**
 * Census fit: the calibration passes bring each year's stocks close to the published figures,
 * but a stock at 31 March is a difference of many flows and lands a few per cent either side.
 * This last step moves individual dates that lie near a census day across it, each by at most
 * `windowDays` and each record at most once: a child who left care in early April leaves in
 * late March instead (or the reverse), a protection plan or CIN episode closes a few weeks
 * earlier or later, a planned placement move happens before or after the census. Every
 * dependent record follows (the care period's last episode and reason, adoption order and
 * placement dates, missing episodes, the referral's closure, a step-down CIN plan) and nothing is
 * moved past a child's next referral or 18th birthday. Moves are taken greedily while they
 * bring the published stocks and leavers (jointly: one exit changes a stock, a placement group
 * and two years' leavers) closer to the inner part of the tolerance band. Deterministic.
 */
export function fitCensusDays(world: SimWorld, options: CensusFitOptions): CensusFitResult {
  const window = options.windowDays ?? 61;
  const index = indexWorld(world);
  const generated = new Map<string, number>();
  const publishedOf = new Map<string, number>();
  const years = Array.from({ length: options.to - options.from + 1 }, (_, i) => options.from + i);
  const measuredByYear = measureYears(world, years, () => 1);
  for (const y of years) {
    const measured = measuredByYear.get(y)!;
    for (const m of CENSUS_MEASURES) {
      generated.set(key(y, m), measured[m] ?? 0);
      // Repeat plans are published as a share of plans started; the fit aims at that share of the plans it started.
      const p = m === 'cpp.started.subsequent' ? repeatTarget(options.published(y, 'cpp.started.subsequent_pct'), measured['cpp.started']) : options.published(y, m);
      if (p !== null && p !== undefined) publishedOf.set(key(y, m), p);
    }
  }
  const costOf = (key: string, g: number) => {
    const p = publishedOf.get(key);
    if (p === undefined) return 0;
    const band = toleranceBand(p);
    const excess = Math.max(0, Math.abs(g - p) - INNER_BAND * band);
    return (excess / band) ** 2;
  };
  const totalCost = () => {
    let c = 0;
    for (const [key, g] of generated) c += costOf(key, g);
    return c;
  };
  const gain = (deltas: Deltas) => {
    let d = 0;
    for (const [key, by] of deltas) {
      const g = generated.get(key);
      if (g === undefined) continue;
      d += costOf(key, g + by) - costOf(key, g);
    }
    return d;
  };
  const costBefore = totalCost();
  const moves: Record<CensusMoveKind, number> = { cp_repeat: 0, care_start: 0, care_end: 0, placement_change: 0, placement_type: 0, cp_plan_end: 0, cin_close: 0 };
  const moved = new Set<object>();
  const startsMoved = new Set<number>();
  const repeatsFlipped = new Set<number>();

  const contexts = new Map<number, YearContext>();
  for (const year of years) {
    const rng = new Random(hashString(`${world.laCode}:census-fit:${year}`));
    contexts.set(year, { world, index, year, census: snapshotDay(year), last: year === options.to, window, rng, startsMoved, repeatsFlipped });
  }
  const buckets = candidatesByYear(contexts, moved);
  for (const year of years) {
    const candidates = buckets.get(year)!;
    // Sweeps in order of first-evaluated gain; each move is re-evaluated when its turn comes.
    // A measure already inside the inner band by more than one either way gains nothing from a single-measure move.
    const settled = new Map<string, boolean>();
    const isSettled = (key: string) => {
      let known = settled.get(key);
      if (known === undefined) {
        const g = generated.get(key);
        settled.set(key, (known = g === undefined || (costOf(key, g - 1) === 0 && costOf(key, g + 1) === 0)));
      }
      return known;
    };
    const order = candidates
      .filter((c) => c.only === undefined || !isSettled(c.only))
      .map((c) => ({ c, g: (() => { const m = c.evaluate(); return m ? gain(m.deltas) : 0; })() }))
      .filter((x) => x.g < 0)
      .sort((a, b) => a.g - b.g);
    for (let sweep = 0; sweep < 3; sweep++) {
      let applied = 0;
      for (const entry of order) {
        if (entry.g >= 0) continue;
        const move = entry.c.evaluate();
        if (!move || gain(move.deltas) >= -1e-9) continue;
        move.apply();
        for (const [key, by] of move.deltas) if (generated.has(key)) generated.set(key, generated.get(key)! + by);
        moves[entry.c.kind]++;
        entry.g = 0;
        applied++;
      }
      if (applied === 0) break;
    }
  }
  return { moves, costBefore, costAfter: totalCost() };
}

function repeatTarget(pct: number | null | undefined, started: number | undefined): number | null {
  return pct === null || pct === undefined || started === undefined ? null : (pct * started) / 100;
}

interface WorldIndex {
  periodsByReferral: Map<number, SimCarePeriod[]>;
  plansByReferral: Map<number, SimCpPlan[]>;
  cinPlansByReferral: Map<number, SimWorld['cinPlans']>;
  assessmentsByReferral: Map<number, SimWorld['assessments']>;
  s47sByReferral: Map<number, SimWorld['s47s']>;
  referralsOfChild: Map<number, SimReferral[]>;
  /** Periods ending, and starting, per child and collection year ("child:year" -> count). */
  ceased: Map<string, number>;
  started: Map<string, number>;
  /** Each child's first protection plan in the simulated history. */
  firstPlanOfChild: Map<number, SimCpPlan>;
  /** Each period's predecessor for the same child (null for a first period). */
  previousPeriod: Map<SimCarePeriod, SimCarePeriod | null>;
}

interface YearContext {
  world: SimWorld;
  index: WorldIndex;
  year: number;
  census: number;
  last: boolean;
  window: number;
  rng: Random;
  /** Care periods whose start has moved (an end may still move once, separately). */
  startsMoved: Set<number>;
  /** Plans whose repeat flag has been set (once each). */
  repeatsFlipped: Set<number>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function indexWorld(world: SimWorld): WorldIndex {
  const ceased = new Map<string, number>();
  const started = new Map<string, number>();
  const previousPeriod = new Map<SimCarePeriod, SimCarePeriod | null>();
  const lastOfChild = new Map<number, SimCarePeriod>();
  for (const p of [...world.carePeriods].sort((a, b) => a.start - b.start)) {
    if (p.end !== null) bump(ceased, `${p.child}:${collectionYearOfDay(p.end)}`, 1);
    bump(started, `${p.child}:${collectionYearOfDay(p.start)}`, 1);
    previousPeriod.set(p, lastOfChild.get(p.child) ?? null);
    lastOfChild.set(p.child, p);
  }
  const referralsOfChild = groupBy(world.referrals, (r) => r.child);
  for (const list of referralsOfChild.values()) list.sort((a, b) => a.day - b.day);
  const firstPlanOfChild = new Map<number, SimCpPlan>();
  for (const plan of world.cpPlans) {
    const first = firstPlanOfChild.get(plan.child);
    if (!first || plan.start < first.start) firstPlanOfChild.set(plan.child, plan);
  }
  return {
    firstPlanOfChild,
    periodsByReferral: groupBy(world.carePeriods, (p) => p.referral),
    plansByReferral: groupBy(world.cpPlans, (p) => p.referral),
    cinPlansByReferral: groupBy(world.cinPlans, (p) => p.referral),
    assessmentsByReferral: groupBy(world.assessments, (a) => a.referral),
    s47sByReferral: groupBy(world.s47s, (s) => s.referral),
    referralsOfChild,
    ceased,
    started,
    previousPeriod,
  };
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * A child's period moving from one collection year to another in a per-child count (started or
 * ceased): the published count of children changes only where the child had no other such period.
 */
function childYearMove(counts: Map<string, number>, child: number, measure: string, from: number | null, to: number | null): Move {
  const deltas: Deltas = [];
  if (from !== null && counts.get(`${child}:${from}`) === 1) deltas.push([key(from, measure), -1]);
  if (to !== null && (counts.get(`${child}:${to}`) ?? 0) === 0) deltas.push([key(to, measure), 1]);
  return {
    deltas,
    apply: () => {
      if (from !== null) bump(counts, `${child}:${from}`, -1);
      if (to !== null) bump(counts, `${child}:${to}`, 1);
    },
  };
}

/** The day in [lo, hi] the candidate's fixed draw picks. */
const pick = (u: number, lo: number, hi: number) => lo + Math.floor(u * (hi - lo + 1));

/** Day of the child's first referral after `day` (Infinity if none): a CIN episode, and all under it, ends before the next begins. */
function nextReferralDay(index: WorldIndex, child: number, day: number): number {
  for (const r of index.referralsOfChild.get(child) ?? []) if (r.day > day) return r.day;
  return Infinity;
}

/** The output year whose 31 March lies nearest a day (exact within half a year either side). */
const nearestCensusYear = (day: number) => collectionYearOfDay(day + 182) - 1;

/**
 * Every candidate move, bucketed by the census it crosses, in one pass over the records. Each
 * year draws its candidates' fixed numbers from its own generator, in record order.
 */
function candidatesByYear(contexts: ReadonlyMap<number, YearContext>, moved: Set<object>): Map<number, Candidate[]> {
  const out = new Map<number, Candidate[]>([...contexts.keys()].map((y) => [y, []]));
  const lastYear = Math.max(...contexts.keys());
  const firstYear = Math.min(...contexts.keys());
  const { world, window } = contexts.get(lastYear)!;
  /** The context of the census `day` lies within `reach` of (an open end: the last), or undefined. */
  const near = (day: number | null, reach: number): YearContext | undefined => {
    if (day === null) return contexts.get(lastYear);
    const ctx = contexts.get(nearestCensusYear(day));
    return ctx && Math.abs(day - ctx.census) <= reach ? ctx : undefined;
  };
  const add = (ctx: YearContext, kind: CensusMoveKind, evaluate: (u: number) => Move | null, only?: string) => {
    const u = ctx.rng.next();
    out.get(ctx.year)!.push({ kind, u, evaluate: () => evaluate(u), only });
  };
  for (const p of world.carePeriods) {
    const startCtx = near(p.start, window);
    if (startCtx && !startCtx.last) add(startCtx, 'care_start', (u) => (startCtx.startsMoved.has(p.id) ? null : careStartMove(startCtx, p, u)));
    const endCtx = near(p.end, window);
    if (endCtx && p.start <= endCtx.census) add(endCtx, 'care_end', (u) => (moved.has(p) ? null : careEndMove(endCtx, p, u, moved)));
    for (let i = 0; i < p.episodes.length; i++) {
      const e = p.episodes[i]!;
      const [covered, coveredUntil] = censusYearsSpanned(e.start, e.end);
      for (let y = Math.max(firstYear, covered); y <= Math.min(lastYear, coveredUntil); y++) {
        const ctx = contexts.get(y)!;
        for (const group of retypeTargets(world, p, e)) add(ctx, 'placement_type', (u) => (moved.has(e) ? null : retypeMove(ctx, p, i, group, u, moved)));
      }
      if (i === 0) continue;
      const ctx = near(e.start, 2 * window);
      if (ctx && p.start <= ctx.census) add(ctx, 'placement_change', (u) => (moved.has(p.episodes[i]!) ? null : placementMove(ctx, p, i, u, moved)));
    }
  }
  for (const plan of world.cpPlans) {
    const startCtx = contexts.get(collectionYearOfDay(plan.start));
    if (startCtx && startCtx.index.firstPlanOfChild.get(plan.child) === plan) {
      add(startCtx, 'cp_repeat', () => (startCtx.repeatsFlipped.has(plan.id) ? null : repeatMove(startCtx, plan)), key(startCtx.year, 'cpp.started.subsequent'));
    }
    const endCtx = near(plan.end, window);
    if (endCtx && plan.start <= endCtx.census) add(endCtx, 'cp_plan_end', (u) => (moved.has(plan) ? null : cpPlanMove(endCtx, plan, u, moved)));
  }
  for (const r of world.referrals) {
    if (r.nfa) continue;
    const ctx = near(r.close, window);
    if (ctx && r.day <= ctx.census) add(ctx, 'cin_close', (u) => (moved.has(r) ? null : referralCloseMove(ctx, r, u, moved)), key(ctx.year, 'cin.at31'));
  }
  return out;
}

const key = (year: number, measure: string) => `${year}|${measure}`;
const groupKey = (year: number, place: string) => key(year, `cla.at31.placement.${placeGroupOf(place)}`);

/** The referral's closure pushed to `day` (null: still open) if it closes earlier, with the CIN stock change that makes. */
function extendReferral(ctx: YearContext, referral: SimReferral, day: number | null): Move | null {
  const s = ctx.census;
  if (referral.close === null || (day !== null && referral.close >= day)) return { deltas: [], apply: () => {} };
  const child = ctx.world.children[referral.child - 1]!;
  let close: number | null = null;
  if (day !== null) {
    close = Math.min(day + 7, eighteenthBirthday(child.dob), nextReferralDay(ctx.index, referral.child, referral.day) - 1);
    if (close < day) return null;
  }
  const wasOpen = referral.close > s;
  const deltas: Deltas = !wasOpen && (close === null || close > s) && !referral.nfa ? [[key(ctx.year, 'cin.at31'), 1]] : [];
  return {
    deltas,
    apply: () => {
      referral.close = close;
      if (close === null) referral.closeReason = null;
    },
  };
}

function careEndMove(ctx: YearContext, p: SimCarePeriod, u: number, moved: Set<object>): Move | null {
  const { world, index, census: s, window: w, year } = ctx;
  const child = world.children[p.child - 1]!;
  const last = p.episodes.at(-1)!;
  const eighteenth = eighteenthBirthday(child.dob);
  const atCensus = p.episodes.find((e) => e.start <= s && (e.end === null || e.end > s)) ?? last;
  if (p.end === null || p.end > s) {
    // Leave before the census instead of after it (or, in the last year, leave at all).
    if (p.end === eighteenth) return null;
    if (p.end === null && (!ctx.last || p.adoption !== null || s - p.start < 60)) return null;
    const a = p.adoption;
    let lo = Math.max(s - w, last.start + 1, p.start + 1);
    if (a) for (const d of [a.decision, a.placementOrder, a.matched, a.placed, a.reversed]) if (d !== null) lo = Math.max(lo, d + 1);
    if (lo > s) return null;
    const day = pick(u, lo, s);
    const ceased = childYearMove(index.ceased, p.child, 'cla.ceased', p.end === null ? null : collectionYearOfDay(p.end), year);
    return {
      deltas: [[key(year, 'cla.at31'), -1], [groupKey(year, atCensus.place), -1], ...ceased.deltas],
      apply: () => {
        moved.add(p);
        if (p.end === null) {
          const rec = RETURN_HOME_RECS[ctx.rng.weighted(RETURN_HOME_RECS.map((r) => r[1]))]![0];
          p.rec = rec;
          last.rec = rec;
        }
        if (a && a.order !== null && (p.rec === 'E11' || p.rec === 'E12')) a.order = day;
        p.end = day;
        last.end = day;
        p.missing = p.missing.filter((m) => m.start < day);
        for (const m of p.missing) if (m.end === null || m.end > day) m.end = day;
        ceased.apply();
      },
    };
  }
  // Leave after the census instead of before it (in the last year: still looked after).
  if (p.end < s - w) return null;
  const referral = world.referrals[p.referral - 1]!;
  const next = nextReferralDay(index, p.child, referral.day);
  let day: number | null = null;
  if (!ctx.last) {
    const hi = Math.min(s + w, eighteenth - 2, next - 2);
    if (hi <= s) return null;
    day = pick(u, s + 1, hi);
  } else if (next <= s || eighteenth <= s + 1) return null;
  const extended = extendReferral(ctx, referral, day);
  if (!extended) return null;
  const ceased = childYearMove(index.ceased, p.child, 'cla.ceased', collectionYearOfDay(p.end), day === null ? null : collectionYearOfDay(day));
  return {
    deltas: [[key(year, 'cla.at31'), 1], [groupKey(year, last.place), 1], ...ceased.deltas, ...extended.deltas],
    apply: () => {
      moved.add(p);
      moved.add(referral);
      extended.apply();
      const a = p.adoption;
      if (a && a.order !== null && a.order === p.end) a.order = day;
      p.end = day;
      last.end = day;
      if (day === null) {
        p.rec = null;
        last.rec = null;
      }
      ceased.apply();
    },
  };
}

/** A period of care starting before the census instead of after it, or the reverse (never in the last year). */
function careStartMove(ctx: YearContext, p: SimCarePeriod, u: number): Move | null {
  const { world, index, census: s, window: w, year } = ctx;
  const referral = world.referrals[p.referral - 1]!;
  const first = p.episodes[0]!;
  const start = p.start;
  // Care that began the day a plan ended stays tied to it.
  if ((index.plansByReferral.get(p.referral) ?? []).some((x) => x.end === start)) return null;
  if ((index.cinPlansByReferral.get(p.referral) ?? []).some((x) => x.end === start)) return null;
  let day: number;
  let deltas: Deltas;
  if (start > s) {
    const previousEnd = index.previousPeriod.get(p)?.end ?? null;
    const lo = Math.max(s - w, referral.day, previousEnd === null ? -Infinity : previousEnd + 2);
    if (lo > s) return null;
    day = pick(u, lo, s);
    deltas = [[key(year, 'cla.at31'), 1], [groupKey(year, first.place), 1]];
  } else {
    if (first.end !== null && first.end <= s) return null;
    let hi = Math.min(s + w, (first.end ?? Infinity) - 1, (p.end ?? Infinity) - 1);
    if (p.adoption) hi = Math.min(hi, p.adoption.decision - 1);
    if (referral.close !== null) hi = Math.min(hi, referral.close - 1);
    if (hi <= s) return null;
    day = pick(u, s + 1, hi);
    deltas = [[key(year, 'cla.at31'), -1], [groupKey(year, first.place), -1]];
  }
  const started = childYearMove(index.started, p.child, 'cla.started', collectionYearOfDay(start), collectionYearOfDay(day));
  return {
    deltas: [...deltas, ...started.deltas],
    apply: () => {
      ctx.startsMoved.add(p.id);
      p.start = day;
      first.start = day;
      p.missing = p.missing.filter((m) => m.start >= day);
      started.apply();
    },
  };
}

function placementMove(ctx: YearContext, p: SimCarePeriod, i: number, u: number, moved: Set<object>): Move | null {
  const { census: s, window: w, year } = ctx;
  const before = p.episodes[i - 1]!;
  const after = p.episodes[i]!;
  if (after.rne !== 'P' || placeGroupOf(before.place) === placeGroupOf(after.place)) return null;
  const a = p.adoption;
  const adoptive = a !== null && a.placed === after.start;
  // Adoptive placements follow a match that can move with them, so they may move further.
  const reach = adoptive ? 2 * w : w;
  const b = after.start;
  const moveBoundary = (day: number, deltas: Deltas): Move => ({
    deltas,
    apply: () => {
      moved.add(after);
      before.end = day;
      after.start = day;
      if (!adoptive) return;
      a.placed = day;
      // An adoptive placement brought forward takes its match with it (after the placement order).
      if (a.matched !== null && a.matched > day - 7) a.matched = Math.max(day - 7 - Math.floor(u * 21), (a.placementOrder ?? a.decision) + 14);
    },
  });
  if (b > s + reach) return null;
  if (b > s) {
    // The move happens before the census.
    if (before.start > s) return null;
    let lo = Math.max(s - reach, before.start + 1);
    if (adoptive) lo = Math.max(lo, (a.placementOrder ?? a.decision) + 21);
    if (lo > s) return null;
    return moveBoundary(pick(u, lo, s), [[groupKey(year, before.place), -1], [groupKey(year, after.place), 1]]);
  }
  // The move happens after the census (in the last year: not yet).
  if (b < s - reach || (after.end !== null && after.end <= s)) return null;
  if (ctx.last) {
    if (i !== p.episodes.length - 1 || p.end !== null) return null;
    return {
      deltas: [[groupKey(year, after.place), -1], [groupKey(year, before.place), 1]],
      apply: () => {
        moved.add(after);
        p.episodes.pop();
        before.end = null;
        before.rec = null;
        if (adoptive) a.placed = null;
      },
    };
  }
  let hi = Math.min(s + w, (after.end ?? Infinity) - 1);
  if (adoptive && a.order !== null) hi = Math.min(hi, a.order - 1);
  if (hi <= s) return null;
  return moveBoundary(pick(u, s + 1, hi), [[groupKey(year, after.place), -1], [groupKey(year, before.place), 1]]);
}

/**
 * Placement groups a child could as well have been in at the census: 16- and 17-year-olds in
 * supported or semi-independent accommodation rather than foster care or a home; a child on a
 * care order placed with parents rather than with foster carers; the rare "other placements".
 */
function retypeTargets(world: SimWorld, p: SimCarePeriod, e: SimCarePeriod['episodes'][number]): PlacementGroup[] {
  const child = world.children[p.child - 1]!;
  const group = placeGroupOf(e.place);
  const sixteen = e.start >= birthdayDay(child.dob, 16);
  const careOrder = e.legalStatus === 'C1' || e.legalStatus === 'C2';
  switch (group) {
    case 'foster':
      return [...(sixteen ? ['independent_living' as const] : []), ...(careOrder ? ['with_parents' as const] : []), 'other'];
    case 'independent_living':
      return ['foster', 'secure_childrens_homes'];
    case 'secure_childrens_homes':
    case 'other_residential':
      return sixteen ? ['independent_living'] : [];
    case 'with_parents':
    case 'other':
      return ['foster'];
    default:
      return [];
  }
}

/** One episode's placement given another type, changing the placement counted at every census it spans. */
function retypeMove(ctx: YearContext, p: SimCarePeriod, i: number, group: PlacementGroup, u: number, moved: Set<object>): Move | null {
  const { world } = ctx;
  const e = p.episodes[i]!;
  const child = world.children[p.child - 1]!;
  const startYear = collectionYearOfDay(e.start);
  const neighbours = [p.episodes[i - 1]?.place, p.episodes[i + 1]?.place];
  const codes = placeCodes(group, ageInYears(child.dob, e.start), startYear).filter(([code]) => !neighbours.includes(code));
  if (codes.length === 0) return null;
  const code = codes[Math.min(codes.length - 1, Math.floor(u * codes.length))]![0];
  const deltas: Deltas = [];
  const [from, until] = censusYearsSpanned(e.start, e.end);
  for (let y = from; y <= until && snapshotDay(y) <= world.end; y++) deltas.push([groupKey(y, e.place), -1], [groupKey(y, code), 1]);
  return {
    deltas,
    apply: () => {
      moved.add(e);
      e.place = code;
      e.provider = group === 'with_parents' ? 'PR0' : group === 'independent_living' && u < 0.3 ? 'PR1' : 'PR4';
    },
  };
}

/**
 * A child's first plan in the simulated history may be a repeat of a plan made before the data
 * begin or in another authority, or not: the flag is history outside the data, so it can follow
 * the published share of repeat plans without contradicting any record.
 */
function repeatMove(ctx: YearContext, plan: SimCpPlan): Move {
  const by = plan.subsequent ? -1 : 1;
  return {
    deltas: [[key(ctx.year, 'cpp.started.subsequent'), by]],
    apply: () => {
      ctx.repeatsFlipped.add(plan.id);
      plan.subsequent = !plan.subsequent;
    },
  };
}

function cpPlanMove(ctx: YearContext, plan: SimCpPlan, u: number, moved: Set<object>): Move | null {
  const { world, index, census: s, window: w, year } = ctx;
  const planEnd = plan.end;
  // A plan that ended in care: care starts the day the plan ends, so the two stay together.
  if (planEnd !== null && (index.periodsByReferral.get(plan.referral) ?? []).some((p) => p.start === planEnd)) return null;
  const stepDown = planEnd === null ? [] : (index.cinPlansByReferral.get(plan.referral) ?? []).filter((c) => c.start === planEnd);
  if (planEnd === null || planEnd > s) {
    if (planEnd === null && !ctx.last) return null;
    const lo = Math.max(s - w, plan.start + 1);
    if (lo > s) return null;
    const day = pick(u, lo, s);
    return {
      deltas: [[key(year, 'cpp.at31'), -1]],
      apply: () => {
        moved.add(plan);
        plan.end = day;
        for (const c of stepDown) c.start = day;
      },
    };
  }
  if (planEnd < s - w) return null;
  const child = world.children[plan.child - 1]!;
  const referral = world.referrals[plan.referral - 1]!;
  let day: number | null = null;
  if (!ctx.last) {
    let hi = Math.min(s + w, eighteenthBirthday(child.dob) - 2);
    for (const c of stepDown) hi = Math.min(hi, (c.end ?? Infinity) - 5);
    if (hi <= s) return null;
    day = pick(u, s + 1, hi);
  } else if (stepDown.length > 0 || eighteenthBirthday(child.dob) <= s + 1) return null;
  const extended = extendReferral(ctx, referral, day);
  if (!extended) return null;
  return {
    deltas: [[key(year, 'cpp.at31'), 1], ...extended.deltas],
    apply: () => {
      moved.add(plan);
      moved.add(referral);
      extended.apply();
      plan.end = day;
      for (const c of stepDown) c.start = day!;
    },
  };
}

function referralCloseMove(ctx: YearContext, r: SimReferral, u: number, moved: Set<object>): Move | null {
  const { world, index, census: s, window: w, year } = ctx;
  if (r.close === null || r.close > s) {
    if (r.close === null && !ctx.last) return null;
    // Close before the census: only once everything opened under this referral has ended.
    let lo = Math.max(s - w, r.day + 1);
    for (const p of index.periodsByReferral.get(r.id) ?? []) lo = Math.max(lo, p.end ?? Infinity);
    for (const p of index.plansByReferral.get(r.id) ?? []) lo = Math.max(lo, p.end ?? Infinity);
    for (const p of index.cinPlansByReferral.get(r.id) ?? []) lo = Math.max(lo, p.end ?? Infinity);
    for (const a of index.assessmentsByReferral.get(r.id) ?? []) lo = Math.max(lo, a.authorised ?? Infinity);
    for (const e of index.s47sByReferral.get(r.id) ?? []) lo = Math.max(lo, e.end ?? Infinity);
    if (lo > s) return null;
    const day = pick(u, lo, s);
    return {
      deltas: [[key(year, 'cin.at31'), -1]],
      apply: () => {
        moved.add(r);
        if (r.close === null) r.closeReason = 'RC7';
        r.close = day;
      },
    };
  }
  if (r.close < s - w || r.close <= r.day) return null;
  const child = world.children[r.child - 1]!;
  const next = nextReferralDay(index, r.child, r.day);
  let day: number | null = null;
  if (!ctx.last) {
    const hi = Math.min(s + w, eighteenthBirthday(child.dob), next - 1);
    if (hi <= s) return null;
    day = pick(u, s + 1, hi);
  } else if (next <= s + 1 || eighteenthBirthday(child.dob) <= s + 1) return null;
  return {
    deltas: [[key(year, 'cin.at31'), 1]],
    apply: () => {
      moved.add(r);
      r.close = day;
      if (day === null) r.closeReason = null;
    },
  };
}
