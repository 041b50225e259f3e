import type { SimContext } from './context.js';
import { ageInYears } from './context.js';
import type { SimAdoption, SimCarePeriod, SimChild, SimEpisode, SimMissing } from './model.js';
import { PARAMETERS, placeCodes, placeGroupOf } from './parameters.js';
import { PLACEMENT_GROUPS, type PlacementGroup } from './targets.js';

/** How a child came into care: it decides the first legal status and the likely outcome. */
export type CareRoute = 'cp' | 'emergency' | 'teen' | 'uasc' | 'seed';
type Outcome = 'adoption' | 'sgo' | 'home' | 'cao' | 'until18';
const OUTCOMES: Outcome[] = ['adoption', 'sgo', 'home', 'cao', 'until18'];

interface Change {
  day: number;
  legal?: string;
  place?: string;
  provider?: string;
  reason?: string;
}

/**
 * One period of care for one child: legal status changes, placements and moves, missing
 * episodes, the adoption pathway where it applies, and the way care ends. Everything is decided
 * at entry (the child's own future does not depend on other children), then cut at the end of
 * the simulation.
 */
export function simulateCare(ctx: SimContext, child: SimChild & { eighteenth: number }, referral: number, start: number, route: CareRoute, need: string): SimCarePeriod | null {
  if (start > ctx.end || start >= child.eighteenth) return null;
  const { rng } = ctx;
  const year = yearOf(ctx, start);
  const m = ctx.multipliers(year);
  const age = ageInYears(child.dob, start);

  // Outcome and planned exit.
  let outcome: Outcome;
  if (route === 'uasc') outcome = rng.chance(0.92) ? 'until18' : 'home';
  else {
    const w = age < 1 ? PARAMETERS.careOutcomes.under1 : age < 5 ? PARAMETERS.careOutcomes.age1to4 : age < 10 ? PARAMETERS.careOutcomes.age5to9 : age < 16 ? PARAMETERS.careOutcomes.age10to15 : PARAMETERS.careOutcomes.age16plus;
    // Shorter stays (careDuration < 1) also mean fewer children staying until 18.
    // Adoptive placements happen over a year after entry: aim at the mix of that later year.
    const adoption = ctx.multipliers(yearOf(ctx, start + 480)).adoption;
    outcome = OUTCOMES[rng.weighted([w[0]! * adoption, w[1]!, w[2]!, w[3]!, w[4]! * Math.min(1.6, m.careDuration)])]!;
  }
  let adoption: SimAdoption | null = null;
  let exit: number;
  switch (outcome) {
    case 'home':
      exit = start + Math.max(2, Math.round(rng.lognormal(PARAMETERS.returnHomeMedianDays * m.careDuration, 0.95)));
      break;
    case 'sgo':
      exit = start + Math.round(rng.lognormal(PARAMETERS.sgoMedianDays * m.careDuration, 0.45));
      break;
    case 'cao':
      exit = start + Math.round(rng.lognormal(PARAMETERS.caoMedianDays * m.careDuration, 0.5));
      break;
    case 'adoption': {
      const decision = start + Math.round(rng.lognormal(230, 0.35));
      const placementOrder = decision + Math.round(rng.lognormal(75, 0.5));
      const matched = placementOrder + Math.round(rng.lognormal(140, 0.6));
      const placed = matched + rng.int(7, 35);
      // Where calibration asks for more adoptions than children entering care can give (multiplier
      // above 3), children placed for adoption wait longer for their order, as in slower courts.
      const pull = ctx.multipliers(yearOf(ctx, placed)).adoption;
      const order = placed + Math.round(rng.lognormal(210 * Math.min(2.5, Math.max(1, pull / 3)), 0.35));
      adoption = { decision, placementOrder, matched, placed, order, reversed: null };
      exit = order;
      if (rng.chance(0.08)) {
        adoption = { decision, placementOrder: rng.chance(0.5) ? placementOrder : null, matched: null, placed: null, order: null, reversed: placementOrder + rng.int(30, 300) };
        outcome = 'sgo';
        exit = adoption.reversed! + Math.round(rng.lognormal(300 * m.careDuration, 0.5));
      }
      break;
    }
    default:
      exit = child.eighteenth;
  }
  if (exit >= child.eighteenth) {
    exit = child.eighteenth;
    outcome = 'until18';
    if (adoption && adoption.order !== null) adoption = { ...adoption, order: null, placed: adoption.placed !== null && adoption.placed < exit ? adoption.placed : null };
  }

  const changes: Change[] = [];
  // Legal status path.
  const firstLegal = initialLegalStatus(ctx, route, age);
  changes.push({ day: start, legal: firstLegal });
  let legalDay = start;
  if (firstLegal === 'L1' || firstLegal === 'L2') {
    legalDay = start + rng.int(1, 8);
    changes.push({ day: legalDay, legal: rng.chance(0.75) ? 'C1' : 'V2' });
  }
  const currentLegal = () => changes.filter((c) => c.legal).at(-1)!.legal!;
  if (currentLegal() === 'V2' && route !== 'uasc' && (outcome === 'adoption' || outcome === 'sgo' || (age < 10 && rng.chance(0.25)))) {
    legalDay += rng.int(20, 120);
    changes.push({ day: legalDay, legal: 'C1' });
  }
  if (currentLegal() === 'C1') {
    legalDay += Math.round(rng.lognormal(190, 0.35));
    if (adoption?.placementOrder !== null && adoption?.placementOrder !== undefined) changes.push({ day: adoption.placementOrder, legal: 'E1' });
    else changes.push({ day: legalDay, legal: 'C2' });
  } else if (currentLegal() === 'J1') {
    changes.push({ day: start + rng.int(5, 90), legal: 'V2' });
  }

  // Placements.
  const first = choosePlacement(ctx, age, route, start, year);
  changes.push({ day: start, ...first });
  const band = age < 10 ? 0 : age < 16 ? 1 : 2;
  const rate = PARAMETERS.moveRate[band]!;
  let t = start + Math.round(rng.exponential(365 / rate));
  const lastOrdinary = adoption?.placed ?? exit;
  while (t < lastOrdinary - 7) {
    const a = ageInYears(child.dob, t);
    changes.push({ day: t, ...choosePlacement(ctx, a, route, t, yearOf(ctx, t)), reason: rng.pick(['CARPL', 'CHILD', 'ALLEG', 'STAND', 'LAREQ', 'PLACE', 'CREQB', 'OTHER']) });
    t += Math.round(rng.exponential(365 / (a < 10 ? PARAMETERS.moveRate[0]! : a < 16 ? PARAMETERS.moveRate[1]! : PARAMETERS.moveRate[2]!)));
  }
  const sixteenth = child.eighteenth - 731;
  const d16 = sixteenth + rng.int(0, 300);
  if (outcome === 'until18' && sixteenth > start + 60 && route !== 'uasc' && rng.chance(0.45 * ctx.multipliers(yearOf(ctx, d16 + 120)).place.independent_living)) {
    const d = d16;
    if (d < exit - 14) changes.push({ day: d, ...placementOf(ctx, 'independent_living', 16, yearOf(ctx, d)), reason: 'CARPL' });
  }
  if (adoption?.placed !== null && adoption?.placed !== undefined) {
    changes.push({ day: adoption.placed, place: rng.chance(0.6) ? 'A5' : 'A6', provider: rng.chance(0.7) ? 'PR1' : 'PR2', reason: 'CARPL' });
  }
  if (outcome === 'sgo' && rng.chance(0.55)) {
    const d = start + Math.round((exit - start) * rng.next() * 0.5);
    if (d > start) changes.push({ day: d, place: rng.chance(0.6) ? 'U1' : 'U3', provider: 'PR1', reason: 'CARPL' });
  }
  const homeDay = exit - rng.int(30, 150);
  if (outcome === 'home' && exit - start > 200 && rng.chance(Math.min(1, 0.3 * ctx.multipliers(yearOf(ctx, homeDay + 90)).place.with_parents))) {
    changes.push({ day: homeDay, place: 'P1', provider: 'PR0', reason: 'CARPL' });
  }

  const episodes = buildEpisodes(ctx, changes, start, exit, outcome, route);
  if (episodes.length === 0) return null;
  const end = exit > ctx.end ? null : exit;
  const rec = end === null ? null : episodes.at(-1)!.rec;
  const missing = age + (exit - start) / 365 >= 11 ? simulateMissing(ctx, child, episodes) : [];
  const cut = (d: number | null) => (d === null || d > ctx.end ? null : d);
  const cutAdoption = adoption
    ? { decision: adoption.decision, placementOrder: cut(adoption.placementOrder), matched: cut(adoption.matched), placed: cut(adoption.placed), order: cut(adoption.order), reversed: cut(adoption.reversed) }
    : null;
  return {
    id: ctx.world.carePeriods.length + 1,
    child: child.id,
    referral,
    start,
    end,
    episodes,
    missing,
    adoption: cutAdoption && cutAdoption.decision <= ctx.end && cutAdoption.decision < exit ? cutAdoption : null,
    cinCategory: /^N[1-8]$/.test(need) ? need : 'N1',
    rec,
  };
}

function yearOf(ctx: SimContext, day: number): number {
  const y = Math.floor((day + 275) / 365.2425 + 1970);
  return Math.min(ctx.lastYear, Math.max(ctx.firstYear, y));
}

function initialLegalStatus(ctx: SimContext, route: CareRoute, age: number): string {
  const { rng } = ctx;
  switch (route) {
    case 'uasc':
      return 'V2';
    case 'emergency':
      return ['L1', 'L2', 'V2', 'C1'][rng.weighted([0.4, 0.15, 0.3, 0.15])]!;
    case 'teen':
      return ['V2', 'J1', 'C1'][rng.weighted([0.8, 0.06, 0.14])]!;
    case 'seed':
      return ['C2', 'V2', 'C1'][rng.weighted([0.62, 0.26, 0.12])]!;
    default:
      return age < 10 ? (rng.chance(0.68) ? 'C1' : 'V2') : rng.chance(0.55) ? 'V2' : 'C1';
  }
}

function choosePlacement(ctx: SimContext, age: number, route: CareRoute, day: number, year: number): { place: string; provider: string } {
  const { rng } = ctx;
  // Placements made now are still running at the next 31 March: aim at that year's mix.
  const m = ctx.multipliers(yearOf(ctx, day + 120));
  const band = age < 5 ? 0 : age < 10 ? 1 : age < 16 ? 2 : 3;
  let weights: number[];
  if (route === 'uasc') {
    weights = PLACEMENT_GROUPS.map((g) => (g === 'foster' ? (age >= 16 ? 0.4 : 0.8) : g === 'independent_living' ? (age >= 16 ? 0.55 : 0) : g === 'secure_childrens_homes' ? (age >= 16 ? 0.05 : 0.2) : 0) * m.place[g]);
  } else {
    weights = PLACEMENT_GROUPS.map((g) => PARAMETERS.placementByAge[g][band]! * m.place[g]);
  }
  const group = PLACEMENT_GROUPS[rng.weighted(weights)]!;
  return placementOf(ctx, group, age, year);
}

function placementOf(ctx: SimContext, group: PlacementGroup, age: number, year: number): { place: string; provider: string } {
  const { rng } = ctx;
  const codes = placeCodes(group, age, year);
  const place = codes[rng.weighted(codes.map((c) => c[1]))]![0];
  const t = ctx.targets(year);
  let provider: string;
  switch (group) {
    case 'foster':
      provider = place === 'U1' || place === 'U3' || rng.chance(t.inHouseFosterShare) ? 'PR1' : rng.chance(0.85) ? 'PR4' : 'PR5';
      break;
    case 'with_parents':
      provider = 'PR0';
      break;
    case 'secure_childrens_homes':
      provider = place === 'K1' ? (rng.chance(0.7) ? 'PR2' : 'PR1') : rng.chance(0.18) ? 'PR1' : rng.chance(0.92) ? 'PR4' : 'PR5';
      break;
    case 'independent_living':
      provider = ['PR4', 'PR1', 'PR5'][rng.weighted([0.6, 0.28, 0.12])]!;
      break;
    case 'other_residential':
      provider = place === 'R2' ? 'PR3' : rng.chance(0.5) ? 'PR4' : 'PR5';
      break;
    default:
      provider = rng.chance(0.6) ? 'PR4' : 'PR5';
  }
  return { place, provider };
}

const REC_BY_OUTCOME: Record<Outcome, ReadonlyArray<readonly [string, number]>> = {
  adoption: [['E11', 0.45], ['E12', 0.55]],
  sgo: [['E45', 0.4], ['E47', 0.45], ['E46', 0.1], ['E48', 0.05]],
  home: [['E4A', 0.78], ['E4B', 0.08], ['E13', 0.1], ['E3', 0.03], ['E9', 0.01]],
  cao: [['E41', 1]],
  until18: [['E17', 0.22], ['E5', 0.4], ['E6', 0.1], ['E8', 0.24], ['E7', 0.02], ['E9', 0.02]],
};

function buildEpisodes(ctx: SimContext, changes: Change[], start: number, exit: number, outcome: Outcome, route: CareRoute): SimEpisode[] {
  const { rng } = ctx;
  const valid = changes.filter((c) => c.day >= start && c.day < exit).sort((a, b) => a.day - b.day);
  const episodes: SimEpisode[] = [];
  let legal = '';
  let place = '';
  let provider = '';
  let distance = 0;
  let inside = true;
  for (let i = 0; i < valid.length; ) {
    const day = valid[i]!.day;
    let legalChanged = false;
    let placeChanged = false;
    let reason: string | null = null;
    for (; i < valid.length && valid[i]!.day === day; i++) {
      const c = valid[i]!;
      if (c.legal && c.legal !== legal) {
        legal = c.legal;
        legalChanged = true;
      }
      if (c.place && c.place !== place) {
        place = c.place;
        provider = c.provider ?? provider;
        placeChanged = true;
        reason = c.reason ?? null;
      }
    }
    if (!legalChanged && !placeChanged) continue;
    if (placeChanged) {
      const group = placeGroupOf(place);
      distance = group === 'with_parents' ? rng.lognormal(2, 0.8) : group === 'foster' ? rng.lognormal(provider === 'PR1' ? 4 : 9, 0.8) : rng.lognormal(22, 0.9);
      inside = distance < 12 ? rng.chance(0.85) : rng.chance(0.15);
    }
    const prev = episodes.at(-1);
    if (prev) {
      prev.end = day;
      prev.rec = 'X1';
    }
    episodes.push({
      start: day,
      end: null,
      rne: !prev ? 'S' : legalChanged && placeChanged ? 'T' : legalChanged ? 'L' : 'P',
      legalStatus: legal,
      place,
      provider,
      reasonPlaceChange: prev && placeChanged ? (reason ?? 'OTHER') : null,
      rec: null,
      distanceMiles: Math.round(distance * 10) / 10,
      insideLa: inside,
    });
  }
  const kept = episodes.filter((e) => e.start <= ctx.end);
  const last = kept.at(-1);
  if (!last) return kept;
  if (exit <= ctx.end) {
    last.end = exit;
    const recs = route === 'uasc' && outcome === 'until18' ? [...REC_BY_OUTCOME.until18, ['E15', 0.05] as const] : REC_BY_OUTCOME[outcome];
    last.rec = recs[rng.weighted(recs.map((r) => r[1]))]![0];
  } else if (last.end !== null && last.end > ctx.end) {
    last.end = null;
    last.rec = null;
  }
  return kept;
}

function simulateMissing(ctx: SimContext, child: SimChild, episodes: SimEpisode[]): SimMissing[] {
  const { rng } = ctx;
  const out: SimMissing[] = [];
  const seen = new Set<string>();
  for (const e of episodes) {
    const rate = PARAMETERS.missingRate[placeGroupOf(e.place)];
    if (!rate) continue;
    const from = Math.max(e.start, child.dob + Math.round(11 * 365.25));
    const to = e.end ?? ctx.end;
    if (to <= from) continue;
    const n = rng.poisson((rate * (to - from)) / 365 * (child.uasc ? 0.5 : 1));
    for (let k = 0; k < n; k++) {
      const start = from + rng.int(0, to - from - 1);
      const length = rng.chance(0.7) ? rng.int(0, 1) : rng.chance(0.83) ? rng.int(2, 5) : rng.int(6, 20);
      const type = rng.chance(0.85) ? 'M' : 'A';
      if (seen.has(`${start}${type}`)) continue;
      seen.add(`${start}${type}`);
      const end = start + length > ctx.end ? null : Math.min(start + length, to);
      const offered = end !== null && rng.chance(0.9);
      const accepted = offered && rng.chance(0.6);
      const interviewDay = accepted && end !== null ? end + rng.int(0, 3) : null;
      out.push({ start, end, type, offered, accepted, interviewDay: interviewDay !== null && interviewDay > ctx.end ? null : interviewDay });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
