import { simulateCare, type CareRoute } from './care.js';
import { ageInYears, collectionYearStart, eighteenthBirthday, snapshotDay, type SimContext } from './context.js';
import { cin, isValidCode } from '../model/code-lists/index.js';
import { collectionYearOfDay } from './days.js';
import { EventHeap } from './heap.js';
import type { SimChild, SimHousehold, SimWorld } from './model.js';
import { initialMultipliers, type YearMultipliers } from './multipliers.js';
import { PARAMETERS } from './parameters.js';
import { Random, hashString, mixKey } from './random.js';
import { CP_CATEGORIES, yearTargets, type YearTargets } from './targets.js';
import { WorkdayTable } from './workdays.js';
import { simulateWorkforce } from './workforce.js';

export interface SimulationOptions {
  laCode: string;
  /** First and last collection year produced (end-year labels: 2024 = 2023/24). */
  from: number;
  to: number;
  seed: number;
  /** Years simulated before `from` so that stocks at 31 March of the first year are realistic. */
  warmupYears?: number;
  /** Calibration multipliers per collection year (defaults: initial guesses). */
  multipliers?: ReadonlyMap<number, YearMultipliers>;
  /** Skip the workforce (calibration passes that only look at children). */
  withoutWorkforce?: boolean;
}

type Child = SimChild & { eighteenth: number; lastReferral: number };
const MEAN_HOUSEHOLD = PARAMETERS.householdSize.reduce((s, p, i) => s + p * (i + 1), 0);
const ETHNICITY: ReadonlyArray<readonly [string, number]> = [
  ['WBRI', 64], ['WIRI', 0.4], ['WIRT', 0.3], ['WOTH', 5.5], ['WROM', 0.8], ['MWBC', 3], ['MWBA', 1], ['MWAS', 1.5], ['MOTH', 3.4],
  ['AIND', 1.6], ['APKN', 3.2], ['ABAN', 1.3], ['AOTH', 1.5], ['BCRB', 1.1], ['BAFR', 4], ['BOTH', 1.4], ['CHNE', 0.2], ['OOTH', 3], ['REFU', 0.6], ['NOBT', 2.1],
];
const ETHNICITY_WEIGHTS = ETHNICITY.map((e) => e[1]);
/** Referral source weights for a collection year: codes the CIN census does not accept that year (5D before 2022/23) get none. */
const sourceWeightsCache = new Map<number, number[]>();
function sourceWeights(year: number): number[] {
  let w = sourceWeightsCache.get(year);
  if (!w) sourceWeightsCache.set(year, (w = PARAMETERS.referralSources.map(([code, weight]) => (isValidCode(cin.ReferralSource, code, year) ? weight : 0))));
  return w;
}
/** Assessment factor codes valid in a collection year (18B/18C and 19B/19C replaced 18A and 19A in 2020/21; 24A is new in 2021/22). */
const FACTOR_BEFORE: Record<string, string> = { '18B': '18A', '18C': '18A', '19B': '19A', '19C': '19A' };
function factorFor(code: string, year: number): string | null {
  if (isValidCode(cin.AssessmentFactors, code, year)) return code;
  const older = FACTOR_BEFORE[code];
  return older !== undefined && isValidCode(cin.AssessmentFactors, older, year) ? older : null;
}
const NEED_WEIGHTS = PARAMETERS.primaryNeeds.map((n) => n[1]);
const CP_BAND_WEIGHTS = PARAMETERS.cpDuration.map((b) => b[2]);
/** Share of scheduled returns within 12 months that are accepted on average (the rest is control headroom). */
const REREFERRAL_ACCEPT = 0.75;
const LOCALITY_POSTCODES = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];

/**
 * Targets for every simulated year. Warm-up years (before `from`) only build the stocks the first
 * output year starts with, so their stocks at 31 March aim at the first output year's (per child
 * of the population): a published series that jumps before `from` (a recording change, such as
 * Leicestershire's CIN at 31 March, 4,891 in 2014 and 2,058 in 2015) does not carry into it.
 */
export function targetsFor(laCode: string, firstYear: number, lastYear: number, from = firstYear): Map<number, YearTargets> {
  const out = new Map<number, YearTargets>();
  const first = yearTargets(laCode, from);
  for (let y = firstYear; y <= lastYear; y++) {
    const t = yearTargets(laCode, y);
    if (y < from) {
      const scale = t.population / first.population;
      out.set(y, { ...t, cinAt31: first.cinAt31 * scale, cpAt31: first.cpAt31 * scale, claAt31: first.claAt31 * scale });
    } else out.set(y, t);
  }
  return out;
}

/**
 * The microsimulation: households are referred (new ones arriving each day, known ones coming
 * back after closure), each referral runs its course (assessment, section 47, conference, plans,
 * care) with durations in working days from the statutory calendar, and closure schedules the next
 * referral. Deterministic for (seed, LA, years, multipliers).
 */
export function runSimulation(options: SimulationOptions, targets: ReadonlyMap<number, YearTargets>): SimWorld {
  const warmup = options.warmupYears ?? 3;
  const firstYear = options.from - warmup;
  const lastYear = options.to;
  const start = collectionYearStart(firstYear);
  const end = snapshotDay(lastYear);
  // Common random numbers: every household, referral and day draws from its own stream, so a
  // change in one year's multipliers moves outcomes smoothly instead of reshuffling everything.
  const baseSeed = hashString(`${options.laCode}:${options.seed}`);
  // One generator, reseeded in place (same numbers as a new Random(mixSeed(base, ...keys))).
  const rng = new Random(baseSeed);
  const useStream = (k1: number, k2?: number, k3?: number) => {
    let s = mixKey(baseSeed, k1);
    if (k2 !== undefined) s = mixKey(s, k2);
    if (k3 !== undefined) s = mixKey(s, k3);
    return rng.reseed(s);
  };
  const world: SimWorld = {
    laCode: options.laCode, start, end, children: [], households: [], referrals: [], assessments: [], s47s: [], cpPlans: [], cinPlans: [], carePeriods: [], teams: [], workers: [], allocations: [],
  };
  const yearStarts: number[] = [];
  for (let y = firstYear; y <= lastYear + 1; y++) yearStarts.push(collectionYearStart(y));
  const yearOf = (day: number) => {
    let i = 0;
    while (i + 1 < yearStarts.length && day >= yearStarts[i + 1]!) i++;
    return firstYear + i;
  };
  const ctx = simulationContext(options, targets, world, rng);
  const { targets: targetOf, multipliers: multOf } = ctx;
  const t0 = targetOf(firstYear);
  const localities = localitiesOf(t0);
  const heap = new EventHeap<number>();
  const cut = (day: number) => (day > end ? null : day);
  // Online control of the flows DfE publishes: each year's running count is steered toward the
  // pro-rata target, so yearly totals land on the published figure without reshuffling the rest.
  const flows = new Map<number, { referrals: number; rereferrals: number; cpFirst: number; cpRepeat: number; uasc: number; care: number }>();
  const flowOf = (year: number) => {
    let f = flows.get(year);
    if (!f) flows.set(year, (f = { referrals: 0, rereferrals: 0, cpFirst: 0, cpRepeat: 0, uasc: 0, care: 0 }));
    return f;
  };
  const elapsed = (day: number) => {
    const y = yearOf(day);
    const from = collectionYearStart(y);
    return Math.min(1, Math.max(0, (day - from + 1) / (collectionYearStart(y + 1) - from)));
  };
  /** Factor > 1 when behind the pro-rata target, < 1 when ahead (deficit recovered over ~2 weeks). */
  const steer = (target: number, count: number, day: number) => {
    if (target <= 0) return 0.2;
    const deficit = target * elapsed(day) - count;
    return Math.min(4, Math.max(0.1, 1 + deficit / Math.max(2, (target * 14) / 365)));
  };
  const children: Child[] = world.children as Child[];

  const newChild = (household: SimHousehold, dob: number, uasc: boolean): Child => {
    const c: Child = {
      id: children.length + 1, dob, sex: uasc ? (rng.chance(0.92) ? 'M' : 'F') : rng.chance(0.52) ? 'M' : 'F',
      ethnicity: uasc ? rng.pick(['AOTH', 'BAFR', 'OOTH', 'BOTH', 'MOTH']) : ETHNICITY[rng.weighted(ETHNICITY_WEIGHTS)]![0],
      household: household.id, uasc, disability: rng.chance(0.09) ? rng.pick(['LD', 'AUT', 'BEH', 'COMM', 'CON', 'MOB', 'DDA']) : null,
      openUntil: -Infinity, hadCpPlan: false, eighteenth: eighteenthBirthday(dob), lastReferral: -Infinity,
    };
    children.push(c);
    household.children.push(c.id);
    return c;
  };
  const newHousehold = (day: number, uasc: boolean, onlyOne = false): SimHousehold => {
    const locality = rng.int(0, localities - 1);
    const h: SimHousehold = { id: world.households.length + 1, children: [], locality, hadCpPlan: false, postcodeDistrict: LOCALITY_POSTCODES[locality]!, key: rng.int(0, 0x7fffffff), referrals: 0 };
    world.households.push(h);
    if (uasc) {
      const age = rng.weighted([0.1, 0.2, 0.35, 0.35]) + 14;
      newChild(h, day - age * 365 - rng.int(0, 300), true);
      return h;
    }
    const size = onlyOne ? 1 : rng.weighted(PARAMETERS.householdSize) + 1;
    const eldest = rng.weighted(PARAMETERS.eldestAgeWeights);
    // Some families new to the simulation had a plan before it began or in another authority.
    const priorPlan = rng.chance(PARAMETERS.priorPlanShare * multOf(yearOf(day)).priorPlan);
    let dob = day - eldest * 365 - rng.int(0, 364);
    for (let k = 0; k < size && dob <= day; k++) {
      const c = newChild(h, dob, false);
      if (priorPlan && day - dob > 730) c.hadCpPlan = h.hadCpPlan = true;
      dob += rng.int(400, 1400);
    }
    return h;
  };

  const referHousehold = (h: SimHousehold, day: number, kind: 'normal' | 'uasc' | CareRoute | 'seed-cp' | 'seed-cin') => {
    useStream(h.key, ++h.referrals);
    if (kind === 'normal' && rng.chance(0.06)) {
      const youngest = children[h.children.at(-1)! - 1]!;
      if (day - youngest.dob > 500) newChild(h, day - rng.int(0, 200), false);
    }
    const eligible: Child[] = [];
    for (const id of h.children) {
      const c = children[id - 1]!;
      if (c.dob <= day && day < c.eighteenth - 20 && c.openUntil < day) eligible.push(c);
    }
    if (eligible.length === 0) return;
    const year = yearOf(day);
    // Code lists change over the years: backdated (seed) referrals use the codes of their own year.
    const codeYear = collectionYearOfDay(day);
    const t = targetOf(year);
    const m = multOf(year);
    const seeded = kind === 'seed' || kind === 'seed-cp' || kind === 'seed-cin';
    const nfaP = t.nfaPct / 100;
    const s47P = Math.min(0.9, t.s47 / Math.max(1, t.referrals) / (1 - nfaP));
    const ninP = Math.min(0.9, t.notInNeedPct / 100 / ((1 - nfaP) * (1 - s47P)));
    const flow = flowOf(year);
    const cpTarget = h.hadCpPlan ? (t.cpStarted * t.cpSubsequentPct) / 100 : t.cpStarted * (1 - t.cpSubsequentPct / 100);
    const cpSteer = steer(cpTarget, h.hadCpPlan ? flow.cpRepeat : flow.cpFirst, day);
    const icpcP = Math.min(0.97, (t.icpc / Math.max(1, t.s47)) * (h.hadCpPlan ? m.cpRepeat : m.cpFirst) * cpSteer);
    const planP = Math.min(0.97, Math.max(0.6, t.cpStarted / Math.max(1, t.icpc)));
    const source = kind === 'uasc' ? rng.pick(['7', '6', '8', '5C']) : PARAMETERS.referralSources[rng.weighted(sourceWeights(codeYear))]![0];
    const nfa = !seeded && kind !== 'uasc' && rng.chance(nfaP);
    const s47 = kind === 'seed-cp' || (!nfa && !seeded && kind !== 'uasc' && rng.chance(s47P));
    const icpc = s47 && (kind === 'seed-cp' || rng.chance(icpcP));
    const plan = icpc && (kind === 'seed-cp' || rng.chance(planP));
    const notInNeed = !nfa && !s47 && !seeded && kind !== 'uasc' && rng.chance(ninP);
    const wd = ctx.workdays;
    const assessStart = wd.add(day, rng.int(0, 2));
    const assessDays = Math.max(1, Math.min(140, Math.round(rng.lognormal(t.assessmentMedianDays * 0.92, 0.5))));
    const assessAuth = wd.add(assessStart, assessDays);
    const strategyDay = wd.add(day, rng.int(0, 3));
    const icpcDay = rng.chance(t.icpcWithin15Pct / 100) ? wd.add(strategyDay, rng.int(6, 15)) : wd.add(strategyDay, rng.int(16, 32));
    const category = CP_CATEGORIES[rng.weighted(categoryWeights(t))]!;
    const need = nfa ? null : kind === 'uasc' ? 'N8' : s47 ? (rng.chance(0.88) ? 'N1' : 'N5') : PARAMETERS.primaryNeeds[rng.weighted(NEED_WEIGHTS)]![0];
    const cpDuration = sampleCpDuration(ctx, m.cpDuration);
    const careRoll = rng.next();
    const cinPlanned = rng.chance(PARAMETERS.cinPlanShare);
    const factors: string[] = [];
    for (const f of PARAMETERS.factors) {
      if (!rng.chance(f[1])) continue;
      const code = factorFor(f[0], codeYear);
      if (code !== null && !factors.includes(code)) factors.push(code);
    }
    if (factors.length === 0) factors.push('21');
    let householdHadPlan = false;
    let lastClose = -Infinity;

    for (const child of eligible) {
      const age = ageInYears(child.dob, day);
      const referralId = world.referrals.length + 1;
      const referral = { id: referralId, child: child.id, day, source, need, nfa, close: null as number | null, closeReason: null as string | null, contactsBefore: rng.poisson(0.45) };
      flow.referrals++;
      if (day - child.lastReferral <= 365) flow.rereferrals++;
      child.lastReferral = day;
      world.referrals.push(referral);
      let close: number;
      let reason = 'RC7';
      let careStart: number | null = null;
      // The CIN episode stays open at least as long as a protection plan made in it.
      let planEndDay = -Infinity;
      let route: CareRoute = 'cp';
      if (nfa) {
        close = day + rng.int(0, 4);
        reason = 'RC8';
      } else {
        // Care entries are fitted by the calibration passes (online steering of care entries made
        // the stock at 31 March less stable, so it is off: factor 1).
        const careSteer = 1;
        const emergencyCare = s47 && !seeded && rng.chance(PARAMETERS.careEntry.duringS47 * m.careEntry * careSteer * (age < 1 || age >= 13 ? 1.6 : 0.8));
        if (assessStart <= end) {
          world.assessments.push({
            id: world.assessments.length + 1, referral: referralId, child: child.id, start: assessStart, authorised: assessAuth > end ? null : assessAuth,
            furtherAction: !notInNeed, factors,
          });
        }
        close = assessAuth + rng.int(0, 10);
        if (notInNeed) reason = year >= 2023 && rng.chance(0.3) ? 'RC9' : 'RC8';
        if (kind === 'uasc' || kind === 'seed') {
          careStart = kind === 'uasc' ? day + rng.int(0, 2) : day + rng.int(0, 20);
          route = kind === 'uasc' ? 'uasc' : 'seed';
        } else if (s47 && strategyDay <= end) {
          const childIcpc = icpc && !emergencyCare && icpcDay <= end && icpcDay < child.eighteenth - 1;
          const s47Id = world.s47s.length + 1;
          world.s47s.push({
            id: s47Id, referral: referralId, child: child.id, strategyDay, start: strategyDay,
            end: cut(childIcpc ? icpcDay : wd.add(strategyDay, rng.int(4, 25))), icpcTarget: wd.add(strategyDay, 15), icpcDay: childIcpc ? icpcDay : null,
            planDecided: childIcpc && plan, policeProtection: emergencyCare && rng.chance(0.45),
          });
          if (emergencyCare) {
            careStart = strategyDay + rng.int(0, 4);
            route = 'emergency';
          } else if (childIcpc && plan) {
            let planEnd = quantiseToReview(icpcDay, cpDuration);
            planEnd = Math.min(planEnd, child.eighteenth - 1);
            if (planEnd <= icpcDay) planEnd = icpcDay + 1;
            world.cpPlans.push({
              id: world.cpPlans.length + 1, referral: referralId, child: child.id, start: icpcDay, end: planEnd > end ? null : planEnd,
              initialCategory: category, latestCategory: rng.chance(0.9) ? category : CP_CATEGORIES[rng.weighted([5, 1, 0.5, 4, 0.3])]!, subsequent: child.hadCpPlan, s47: s47Id,
            });
            if (child.hadCpPlan) flow.cpRepeat++;
            else flow.cpFirst++;
            child.hadCpPlan = true;
            householdHadPlan = true;
            const careP = PARAMETERS.careEntry.afterCpPlan * m.careEntry * (age < 1 ? 1.8 : age < 5 ? 1.1 : age >= 13 ? 1.2 : 0.75);
            if (kind === 'seed-cp' ? false : careRoll < careP) {
              careStart = planEnd;
              planEndDay = planEnd;
              route = 'cp';
            } else if (rng.chance(PARAMETERS.stepDownCinPlanShare)) {
              const cinEnd = Math.min(child.eighteenth, planEnd + Math.max(20, Math.round(rng.lognormal(120 * m.cinDuration, 0.6))));
              if (cinEnd > planEnd && planEnd <= end) world.cinPlans.push({ id: world.cinPlans.length + 1, referral: referralId, child: child.id, start: planEnd, end: cinEnd > end ? null : cinEnd });
              close = cinEnd + rng.int(1, 20);
            } else close = planEnd + rng.int(0, 20);
            if (careStart === null && close < planEnd) close = planEnd;
          }
        }
        if (!notInNeed && careStart === null && !(s47 && icpc && plan && !emergencyCare) && (kind === 'normal' || kind === 'seed-cin')) {
          // Children in need without a protection plan: a CIN plan or short-term services.
          const teenCare = age >= 11 && rng.chance(PARAMETERS.careEntry.teenFromCin * m.careEntry * careSteer * (age >= 14 ? 1.5 : 0.8));
          if (cinPlanned || kind === 'seed-cin') {
            const planStart = assessAuth + rng.int(0, 15);
            let planEnd = Math.min(child.eighteenth, planStart + Math.max(20, Math.round(rng.lognormal(PARAMETERS.cinPlanMedianDays * m.cinDuration, 0.7))));
            if (teenCare) {
              careStart = planStart + rng.int(10, 150);
              route = 'teen';
              planEnd = Math.min(planEnd, careStart);
            }
            if (planStart <= end && planEnd > planStart) world.cinPlans.push({ id: world.cinPlans.length + 1, referral: referralId, child: child.id, start: planStart, end: planEnd > end ? null : planEnd });
            close = planEnd + rng.int(1, 20);
          } else {
            close = assessAuth + Math.round(rng.lognormal(PARAMETERS.cinNoPlanMedianDays * m.cinDuration, 0.6));
            if (teenCare) {
              careStart = assessAuth + rng.int(0, 40);
              route = 'teen';
            }
          }
        }
      }
      if (careStart !== null) {
        const period = simulateCare(ctx, child, referralId, careStart, route, need ?? 'N1');
        if (period) {
          world.carePeriods.push(period);
          if (!child.uasc) flowOf(yearOf(period.start)).care++;
          const careEnd = period.end;
          if (careEnd === null) close = Infinity;
          else {
            close = Math.max(close, careEnd + rng.int(0, 20));
            const rec = period.rec ?? '';
            reason = rec.startsWith('E1') && rec.length === 3 && (rec === 'E11' || rec === 'E12') ? 'RC1' : /^E4[5-8]$/.test(rec) ? 'RC4' : rec === 'E41' ? 'RC3' : rec === 'E3' ? 'RC5' : rec === 'E7' ? 'RC6' : 'RC7';
          }
        }
      }
      if (close < planEndDay) close = planEndDay;
      if (close !== Infinity && close >= child.eighteenth) {
        close = child.eighteenth;
        if (reason === 'RC8' || reason === 'RC9') reason = 'RC7';
      }
      if (close < day) close = day;
      if (close > end) {
        referral.close = null;
        referral.closeReason = null;
        child.openUntil = Infinity;
      } else {
        referral.close = close;
        referral.closeReason = reason;
        child.openUntil = close;
      }
      lastClose = Math.max(lastClose, child.openUntil);
    }
    if (householdHadPlan) h.hadCpPlan = true;
    if (lastClose === Infinity || kind === 'uasc') return;
    const mc = multOf(yearOf(Math.min(lastClose, end)));
    const chance = Math.min(0.98, ((h.hadCpPlan ? PARAMETERS.rereferral.chanceAfterCp : PARAMETERS.rereferral.chance) * mc.rereferral) / REREFERRAL_ACCEPT);
    if (!rng.chance(chance)) return;
    const gap = rng.chance(PARAMETERS.rereferral.soonShare) ? 7 + Math.round(rng.exponential(PARAMETERS.rereferral.soonMeanDays)) : 300 + Math.round(rng.exponential(PARAMETERS.rereferral.lateMeanDays));
    const next = lastClose + gap;
    if (next <= end) heap.push(next, h.id);
  };

  // Stocks already open when the simulation starts (backdated histories), then the daily flow.
  const seedCount = (n: number) => Math.round(n);
  for (let i = 0; i < seedCount(t0.claAt31 * 0.9); i++) {
    useStream(1, i);
    const h = newHousehold(start, false, true);
    const first = children[h.children[0]! - 1]!;
    if (start - first.dob < 60) continue;
    referHousehold(h, start - rng.int(10, Math.min(3000, start - first.dob - 30)), 'seed');
  }
  for (let i = 0; i < seedCount((t0.cpAt31 * 0.75) / MEAN_HOUSEHOLD); i++) {
    useStream(2, i);
    referHousehold(newHousehold(start, false), start - rng.int(20, 400), 'seed-cp');
  }
  for (let i = 0; i < seedCount((Math.max(0, t0.cinAt31 - t0.cpAt31 - t0.claAt31) * 0.35) / MEAN_HOUSEHOLD); i++) {
    useStream(3, i);
    referHousehold(newHousehold(start, false), start - rng.int(20, 200), 'seed-cin');
  }

  let year = firstYear;
  let t = targetOf(year);
  let m = multOf(year);
  let nextYearStart = collectionYearStart(year + 1);
  for (let day = start; day <= end; day++) {
    if (day >= nextYearStart) {
      year++;
      t = targetOf(year);
      m = multOf(year);
      nextYearStart = collectionYearStart(year + 1);
    }
    const flow = flowOf(year);
    while (heap.peekDay() <= day) {
      const h = world.households[heap.pop()! - 1]!;
      // A return within 12 months is a re-referral: accept it at the rate that keeps the year's
      // re-referral count on target (the rest of the returns are not prevented, only delayed past a year).
      let soon = false;
      for (const id of h.children) if (day - children[id - 1]!.lastReferral <= 365) soon = true;
      if (soon) {
        const r = useStream(9, h.key, h.referrals).next();
        if (r > REREFERRAL_ACCEPT * steer((t.referrals * t.rereferralPct) / 100, flow.rereferrals, day)) continue;
      }
      referHousehold(h, day, 'normal');
    }
    const arrivals = useStream(4, day).poisson(((t.referrals * m.referrals) / 365 / MEAN_HOUSEHOLD) * steer(t.referrals, flow.referrals, day));
    for (let k = 0; k < arrivals; k++) {
      useStream(5, day, k);
      referHousehold(newHousehold(day, false), day, 'normal');
    }
    const uasc = useStream(6, day).poisson(((t.claStartedUasc * m.uasc) / 365) * steer(t.claStartedUasc, flow.uasc, day));
    flow.uasc += uasc;
    for (let k = 0; k < uasc; k++) {
      useStream(7, day, k);
      referHousehold(newHousehold(day, true), day, 'uasc');
    }
  }
  useStream(8);
  if (!options.withoutWorkforce) simulateWorkforce(ctx, localities);
  return world;
}

/** How many localities (assessment and safeguarding teams) an authority of this size has. */
function localitiesOf(t: YearTargets): number {
  return Math.max(1, Math.min(6, Math.round(t.cinAt31 / 700)));
}

/** What every part of a run shares (see SimContext), for the children's simulation and the workforce alike. */
function simulationContext(options: SimulationOptions, targets: ReadonlyMap<number, YearTargets>, world: SimWorld, rng: Random): SimContext {
  const firstYear = options.from - (options.warmupYears ?? 3);
  const lastYear = options.to;
  const targetOf = (year: number) => targets.get(Math.min(lastYear, Math.max(firstYear, year))) ?? targets.get(lastYear)!;
  const defaults = new Map<number, YearMultipliers>();
  const multOf = (year: number) => {
    const y = Math.min(lastYear, Math.max(firstYear, year));
    const given = options.multipliers?.get(y);
    if (given) return given;
    let m = defaults.get(y);
    if (!m) defaults.set(y, (m = initialMultipliers(targetOf(y))));
    return m;
  };
  return { rng, workdays: WorkdayTable.forYears(firstYear - 25, lastYear + 3), start: world.start, end: world.end, firstYear, lastYear, targets: targetOf, multipliers: multOf, world };
}

/**
 * Adds the workforce (teams, workers, allocations) to a world simulated `withoutWorkforce`: the
 * same result as simulating with it, since the workforce never changes what happens to children.
 */
export function addWorkforce(world: SimWorld, options: SimulationOptions, targets: ReadonlyMap<number, YearTargets>): SimWorld {
  if (world.teams.length > 0) throw new Error('This simulated world already has a workforce');
  const rng = new Random(mixKey(hashString(`${options.laCode}:${options.seed}`), 8));
  const ctx = simulationContext(options, targets, world, rng);
  simulateWorkforce(ctx, localitiesOf(ctx.targets(ctx.firstYear)));
  return world;
}

const categoryCache = new WeakMap<YearTargets, number[]>();
function categoryWeights(t: YearTargets): number[] {
  let w = categoryCache.get(t);
  if (!w) categoryCache.set(t, (w = CP_CATEGORIES.map((c) => t.cpCategoryShares[c])));
  return w;
}

function sampleCpDuration(ctx: SimContext, scale: number): number {
  const bands = PARAMETERS.cpDuration;
  const band = bands[ctx.rng.weighted(CP_BAND_WEIGHTS)]!;
  return Math.max(10, Math.round(ctx.rng.int(band[0], band[1]) * scale));
}

/** Plans mostly end at a review conference: 3 months after the ICPC, then every 6 months. */
function quantiseToReview(start: number, duration: number): number {
  if (duration < 80) return start + duration;
  const reviews = [91];
  while (reviews.at(-1)! < duration + 183) reviews.push(reviews.at(-1)! + 182);
  let best = reviews[0]!;
  for (const r of reviews) if (Math.abs(r - duration) < Math.abs(best - duration)) best = r;
  return start + best;
}

