import type { SimContext } from './context.js';
import { birthdayDay } from './days.js';
import { careLeaverFrom } from './leavers.js';
import type { SimAllocation, SimTeam, SimWorker } from './model.js';

/** Roles that hold cases and count in the workforce census caseload. */
export const CASE_HOLDING_ROLES = new Set(['asye', 'social_worker', 'senior_practitioner']);
/** Roles counted as children's social workers (agency rate); personal advisers and support workers are not. */
export const SOCIAL_WORKER_ROLES = new Set(['asye', 'social_worker', 'senior_practitioner', 'advanced_practitioner', 'team_manager', 'service_manager', 'iro']);

interface Phase {
  child: number;
  referral: number | null;
  period: number | null;
  team: number;
  role: SimAllocation['role'];
  start: number;
  end: number;
  /** Children on a protection plan or looked after: a manager allocates them even to a full worker. */
  priority: boolean;
}

/**
 * The workforce: teams by type and locality, workers hired to the demand each team carries at
 * the authority's published caseload, leaving at published turnover (agency workers sooner), and
 * a day-by-day allocation of open cases to the least-loaded worker employed that day; when every
 * worker is full the case waits unallocated until someone has room.
 */
export function simulateWorkforce(ctx: SimContext, localities: number): void {
  const { world, rng } = ctx;
  const names = ['North', 'South', 'East', 'West', 'Central', 'City'];
  const teams: SimTeam[] = world.teams;
  const addTeam = (type: string, name: string, locality: string | null) => {
    teams.push({ id: teams.length + 1, type, name, locality });
    return teams.length;
  };
  const frontDoor: number[] = [];
  const fieldwork: number[] = [];
  for (let i = 0; i < localities; i++) {
    const loc = localities === 1 ? null : names[i]!;
    frontDoor.push(addTeam('front_door', localities === 1 ? 'MASH and assessment' : `Assessment ${loc}`, loc));
    fieldwork.push(addTeam('family_support_cp', localities === 1 ? 'Family safeguarding' : `Family safeguarding ${loc}`, loc));
  }
  const lac = addTeam('looked_after', 'Children in care', null);
  const disability = addTeam('disability', 'Children with disabilities', null);
  const leaving = addTeam('leaving_care', 'Leaving care', null);
  const iro = addTeam('iro_safeguarding', 'Independent reviewing and conference chairs', null);

  // Case phases: who should hold each child's case, in which team, over which days.
  const phases: Phase[] = [];
  const periodsByReferral = new Map<number, { id: number; start: number; end: number | null; rec: string | null }>();
  for (const p of world.carePeriods) periodsByReferral.set(p.referral, p);
  const assessmentByReferral = new Map<number, number | null>();
  for (const a of world.assessments) assessmentByReferral.set(a.referral, a.authorised);
  const forever = ctx.end + 1;
  const withCpPlan = new Set<number>();
  for (const cp of world.cpPlans) withCpPlan.add(cp.referral);
  for (const r of world.referrals) {
    if (r.nfa) continue;
    const child = world.children[r.child - 1]!;
    const loc = world.households[child.household - 1]!.locality;
    const close = r.close ?? forever;
    const care = periodsByReferral.get(r.id);
    const assessed = Math.min(assessmentByReferral.get(r.id) ?? close, close, care?.start ?? forever);
    phases.push({ child: r.child, referral: r.id, period: null, team: frontDoor[loc]!, role: 'allocated_worker', start: r.day, end: Math.max(r.day, assessed), priority: false });
    const careStart = care ? care.start : close;
    if (careStart > assessed) phases.push({ child: r.child, referral: r.id, period: null, team: child.disability && child.disability !== 'BEH' ? disability : fieldwork[loc]!, role: 'allocated_worker', start: assessed, end: careStart, priority: withCpPlan.has(r.id) });
    if (care) {
      phases.push({ child: r.child, referral: r.id, period: care.id, team: lac, role: 'allocated_worker', start: care.start, end: Math.max(care.start, care.end ?? forever), priority: true });
      phases.push({ child: r.child, referral: r.id, period: care.id, team: iro, role: 'iro', start: care.start, end: Math.max(care.start, care.end ?? forever), priority: true });
      if (care.end !== null && careLeaverFrom(care, child.dob) !== null) {
        phases.push({ child: r.child, referral: null, period: care.id, team: leaving, role: 'personal_adviser', start: care.end, end: Math.min(forever, Math.max(care.end + 1, birthdayDay(child.dob, 21))), priority: true });
      }
    }
  }
  for (const cp of world.cpPlans) phases.push({ child: cp.child, referral: cp.referral, period: null, team: iro, role: 'iro', start: cp.start, end: cp.end ?? forever, priority: true });

  // Demand per team, sampled monthly, sets the staffing each team is recruited to.
  const monthStarts: number[] = [];
  for (let d = ctx.start; d <= ctx.end; d += 30) monthStarts.push(d);
  const demand = teams.map(() => new Float64Array(monthStarts.length));
  for (const ph of phases) {
    const from = Math.max(0, Math.ceil((ph.start - ctx.start) / 30));
    const to = Math.min(monthStarts.length - 1, Math.floor((ph.end - 1 - ctx.start) / 30));
    for (let i = from; i <= to; i++) demand[ph.team - 1]![i]! += 1;
  }
  const workers: SimWorker[] = world.workers;
  for (const team of teams) {
    const series = demand[team.id - 1]!;
    const perWorker = (day: number) => {
      const t = ctx.targets(workforceYear(day, ctx));
      return team.type === 'iro_safeguarding' ? 65 : team.type === 'leaving_care' ? 22 : t.caseloadPerFte;
    };
    const role = () => (team.type === 'iro_safeguarding' ? 'iro' : team.type === 'leaving_care' ? 'personal_adviser' : ['asye', 'social_worker', 'senior_practitioner'][rng.weighted([0.13, 0.62, 0.25])]!);
    const active: SimWorker[] = [];
    const hire = (day: number, backdated: boolean, contract?: 'agency' | 'permanent') => {
      const t = ctx.targets(workforceYear(day, ctx));
      const share = Math.min(0.6, t.agencyRatePct / 100);
      const permanentYears = 100 / Math.max(5, t.turnoverPct);
      const agencyYears = 0.9;
      // Steady-state hiring mix for the target share, nudged by the team's current mix.
      const steady = (share * permanentYears) / (share * permanentYears + (1 - share) * agencyYears);
      const activeFte = active.reduce((sum, w) => sum + w.fte, 0);
      const current = activeFte > 0 ? active.reduce((sum, w) => sum + (w.agency ? w.fte : 0), 0) / activeFte : share;
      const pAgency = backdated ? share : Math.min(0.95, Math.max(0, steady + 1.5 * (share - current)));
      const agency = contract ? contract === 'agency' : team.type !== 'leaving_care' && rng.chance(pAgency);
      const tenure = Math.max(30, Math.round(rng.exponential((agency ? agencyYears : permanentYears) * 365)));
      const start = backdated ? day - rng.int(0, Math.min(tenure - 1, 3000)) : day;
      const w: SimWorker = {
        id: workers.length + 1, team: team.id, role: role(), fte: agency ? 1 : ([1, 0.8, 0.6, 0.5] as const)[rng.weighted([0.8, 0.12, 0.05, 0.03])]!, agency, start,
        end: start + tenure > ctx.end ? null : start + tenure,
      };
      workers.push(w);
      active.push(w);
    };
    for (let i = 0; i < monthStarts.length; i++) {
      const day = monthStarts[i]!;
      for (let k = active.length - 1; k >= 0; k--) if (active[k]!.end !== null && active[k]!.end! <= day) active.splice(k, 1);
      // Recruit slightly behind demand, as real services do: a few cases wait when it peaks.
      const need = series[i]! / perWorker(day) * 0.97;
      let fte = active.reduce((s, w) => s + w.fte, 0);
      while (fte < need - 0.4) {
        hire(i === 0 ? day : day - rng.int(0, 29), i === 0);
        fte += active.at(-1)!.fte;
      }
      // Agency cover follows the authority's agency rate: bring in locums when short of it, let
      // them go first when the team is over its establishment.
      if (team.type === 'leaving_care' || i === 0) continue;
      const share = Math.min(0.6, ctx.targets(workforceYear(day, ctx)).agencyRatePct / 100);
      let agencyFte = active.reduce((sum, w) => sum + (w.agency ? w.fte : 0), 0);
      // Swap contracts at the margin to hold the agency rate: a locum replaced by a permanent
      // recruit, or a permanent leaver backfilled by a locum.
      const swap = (fromAgency: boolean) => {
        const k = active.findLastIndex((w) => w.agency === fromAgency && w.start < day && w.fte === 1);
        if (k < 0) return false;
        active[k]!.end = day;
        active.splice(k, 1);
        hire(day, false, fromAgency ? 'permanent' : 'agency');
        agencyFte += fromAgency ? -1 : 1;
        return true;
      };
      while (agencyFte > share * fte + 0.4 && swap(true));
      while (agencyFte < share * fte - 0.4 && swap(false));
      // Over establishment: whoever is over-represented leaves first (locums released, or
      // permanent leavers not replaced), which keeps both caseload and agency rate on target.
      while (fte > need * 1.04 + 0.6) {
        const wantAgency = agencyFte > share * fte;
        const k = active.findLastIndex((w) => w.agency === wantAgency && w.start < day && w.role !== 'iro');
        if (k < 0) break;
        active[k]!.end = day;
        fte -= active[k]!.fte;
        if (wantAgency) agencyFte -= active[k]!.fte;
        active.splice(k, 1);
      }
    }
    // Managers: one team manager per team, on permanent contracts, through the whole run.
    // Interim (agency) managers are common too: each manager post is held by a run of managers.
    for (let d = ctx.start - rng.int(100, 2000); d <= ctx.end; ) {
      const agency = rng.chance(Math.min(0.6, ctx.targets(workforceYear(Math.max(d, ctx.start), ctx)).agencyRatePct / 100));
      const tenure = Math.round(rng.exponential(agency ? 300 : 2200)) + 60;
      const end = d + tenure > ctx.end ? null : d + tenure;
      workers.push({ id: workers.length + 1, team: team.id, role: team.type === 'iro_safeguarding' ? 'service_manager' : 'team_manager', fte: 1, agency, start: d, end });
      if (end === null) break;
      d = end + 1;
    }
  }
  allocate(ctx, phases, workers);
}

/** The workforce census year whose 30 September falls nearest a day (census label). */
function workforceYear(day: number, ctx: SimContext): number {
  const y = Math.floor((day - 273) / 365.2425 + 1970 + 0.5);
  return Math.min(ctx.lastYear, Math.max(ctx.firstYear, y));
}

function allocate(ctx: SimContext, phases: Phase[], workers: SimWorker[]): void {
  const { world } = ctx;
  const byTeam = new Map<number, SimWorker[]>();
  for (const w of workers) {
    if (w.role === 'team_manager' || w.role === 'service_manager') continue;
    let list = byTeam.get(w.team);
    if (!list) byTeam.set(w.team, (list = []));
    list.push(w);
  }
  const load = new Float64Array(workers.length + 1);
  const held = new Map<number, Set<number>>(); // worker → allocation indexes
  const allocations: SimAllocation[] = world.allocations;
  const phaseAllocation = new Int32Array(phases.length).fill(-1);
  const waiting = new Map<number, Set<number>>(); // team → phase indexes
  const lastWorkerOfChild = new Map<number, number>();
  const capOf = (w: SimWorker, day: number) => w.fte * (w.role === 'iro' ? 90 : w.role === 'personal_adviser' ? 30 : ctx.targets(Math.min(ctx.lastYear, Math.max(ctx.firstYear, Math.floor((day + 275) / 365.2425 + 1970)))).caseloadPerFte * 1.35);

  // Events packed into one sortable number each (day, then kind order, then index), sorted
  // natively: an array of event objects with a comparator was a hot spot.
  const PHASE_END = 1;
  const WORKER_END = 2;
  const PHASE_START = 3;
  const RETRY = 4;
  const INDEX_SPACE = 2 ** 21;
  let base = ctx.start;
  for (const p of phases) if (p.start < base) base = p.start;
  for (const w of workers) if (w.end !== null && w.end < base) base = w.end;
  const packed: number[] = [];
  const pack = (day: number, kind: number, index: number) => packed.push(((day - base) * 8 + kind) * INDEX_SPACE + index);
  if (phases.length >= INDEX_SPACE || workers.length >= INDEX_SPACE) throw new Error('Too many case phases for the allocation event queue');
  phases.forEach((p, i) => {
    pack(p.start, PHASE_START, i);
    if (p.end <= ctx.end) pack(p.end, PHASE_END, i);
  });
  workers.forEach((w, i) => {
    if (w.end !== null) pack(w.end, WORKER_END, i);
  });
  for (let d = ctx.start; d <= ctx.end; d += 7) pack(d, RETRY, 0);
  const events = Float64Array.from(packed).sort();

  // Each team's workers employed on the day being processed (days only move forward), in id
  // order: scanning everyone a team ever employed made large authorities' allocation quadratic.
  const joining = new Map<number, SimWorker[]>();
  for (const [team, list] of byTeam) joining.set(team, [...list].sort((a, b) => b.start - a.start || b.id - a.id));
  const employed = new Map<number, SimWorker[]>();
  const employedOn = (team: number, day: number): SimWorker[] => {
    let list = employed.get(team);
    if (!list) employed.set(team, (list = []));
    const queue = joining.get(team);
    while (queue && queue.length > 0 && queue.at(-1)!.start <= day) {
      const w = queue.pop()!;
      let at = list.length;
      while (at > 0 && list[at - 1]!.id > w.id) at--;
      list.splice(at, 0, w);
    }
    if (list.some((w) => w.end !== null && w.end <= day)) {
      const still = list.filter((w) => w.end === null || w.end > day);
      employed.set(team, still);
      return still;
    }
    return list;
  };

  const tryAllocate = (pi: number, day: number, reason: string): boolean => {
    const p = phases[pi]!;
    const list = employedOn(p.team, day);
    let best: SimWorker | null = null;
    let bestRatio = Infinity;
    // Least loaded of anyone employed, for a priority case nobody has room for.
    let fallback: SimWorker | null = null;
    let fallbackRatio = Infinity;
    const previous = lastWorkerOfChild.get(p.child);
    for (const w of list) {
      const ratio = load[w.id]! / w.fte - (w.id === previous ? 3 : 0);
      if (ratio < bestRatio && load[w.id]! < capOf(w, day)) {
        best = w;
        bestRatio = ratio;
      }
      if (ratio < fallbackRatio) {
        fallback = w;
        fallbackRatio = ratio;
      }
    }
    if (!best && p.priority) best = fallback;
    if (!best) return false;
    const a: SimAllocation = { child: p.child, worker: best.id, role: p.role, referral: p.referral, period: p.period, start: day, end: null, reason };
    allocations.push(a);
    phaseAllocation[pi] = allocations.length - 1;
    load[best.id]! += 1;
    let set = held.get(best.id);
    if (!set) held.set(best.id, (set = new Set()));
    set.add(pi);
    if (p.role === 'allocated_worker') lastWorkerOfChild.set(p.child, best.id);
    return true;
  };
  const release = (pi: number, day: number) => {
    const ai = phaseAllocation[pi]!;
    if (ai < 0) return;
    const a = allocations[ai]!;
    a.end = day;
    load[a.worker]! -= 1;
    held.get(a.worker)?.delete(pi);
    phaseAllocation[pi] = -1;
  };
  const queue = (pi: number) => {
    const team = phases[pi]!.team;
    let set = waiting.get(team);
    if (!set) waiting.set(team, (set = new Set()));
    set.add(pi);
  };

  for (const code of events) {
    const index = code % INDEX_SPACE;
    const slot = (code - index) / INDEX_SPACE;
    const kind = slot % 8;
    const day = (slot - kind) / 8 + base;
    if (day > ctx.end) break;
    if (kind === PHASE_START) {
      const p = phases[index]!;
      if (p.end <= p.start) continue;
      const reason = lastWorkerOfChild.has(p.child) ? 'TSPROC' : 'FCONTA';
      if (!tryAllocate(index, day, p.role === 'allocated_worker' ? reason : 'TSPROC') && p.role === 'allocated_worker') queue(index);
    } else if (kind === PHASE_END) {
      release(index, day);
      waiting.get(phases[index]!.team)?.delete(index);
    } else if (kind === WORKER_END) {
      const w = workers[index]!;
      const cases = [...(held.get(w.id) ?? [])];
      for (const pi of cases) {
        release(pi, day);
        if (!tryAllocate(pi, day, 'LEFTRL')) queue(pi);
      }
    } else {
      for (const [, set] of waiting) {
        for (const pi of [...set]) {
          if (tryAllocate(pi, day, 'MANAGE')) set.delete(pi);
        }
      }
    }
  }
}
