/**
 * Caseloads on given dates from plain interval data: who holds which children, which open cases
 * have nobody, and since when. Intervals are open on d when start ≤ d < end (calendar isOpenOn).
 * Everything is turned into integer indexes and day numbers once (prepare), so a 120-month
 * series allocates little per snapshot.
 */
import { fromDayNumber } from '../calendar/index.js';
import type { TeamRecord, WorkloadData } from './records.js';
import { CASE_TYPES, type CaseType } from './standards/types.js';

export interface WorkerCases {
  workerId: string;
  role: string;
  teamId: string | null;
  fte: number;
  contract: string;
  /** Distinct children allocated to the worker (in any allocation role). */
  cases: number;
  byCaseType: Record<CaseType, number>;
}

export interface UnallocatedCase {
  childId: string;
  caseType: CaseType;
  /** The allocation the case lacks: a case-holding worker, or a personal adviser for care leavers. */
  needs: 'allocated_worker' | 'personal_adviser';
  /** Team the case sits with (from its referral or CIN plan), if recorded. */
  teamId: string | null;
  waitingSince: string;
  waitingDays: number;
}

/** Children with open work of each type (a child can count under several). */
export interface OpenChildren {
  cp: number;
  cla: number;
  cin_plan: number;
  referral: number;
  care_leaver: number;
  /** Children needing an IRO: looked after or on a CP plan (each child once). */
  claOrCp: number;
  total: number;
}

export interface CaseloadSnapshot {
  laCode: string;
  date: string;
  teams: TeamRecord[];
  workers: WorkerCases[];
  openChildren: OpenChildren;
  unallocated: UnallocatedCase[];
}

/** Day number of an ISO date already validated (read from the database): no regex, no checks. */
const dayOf = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
const NEVER = 2 ** 31 - 1;
const OTHER = CASE_TYPES.indexOf('other');
const CP = CASE_TYPES.indexOf('cp');
const CLA = CASE_TYPES.indexOf('cla');
const CARE_LEAVER = CASE_TYPES.indexOf('care_leaver');
const ROLE = { allocated_worker: 1, personal_adviser: 2, iro: 3 } as const;

/** Integer indexes and day numbers of every interval, computed once for many snapshot dates. */
export interface Prepared {
  childIds: string[];
  caseChild: Int32Array;
  caseRank: Int8Array;
  caseStart: Int32Array;
  caseEnd: Int32Array;
  allocationChild: Int32Array;
  allocationWorker: Int32Array;
  allocationRole: Int8Array;
  allocationStart: Int32Array;
  allocationEnd: Int32Array;
  workerStart: Int32Array;
  workerEnd: Int32Array;
}

export function prepare(data: WorkloadData): Prepared {
  const childIndex = new Map<string, number>();
  const childIds: string[] = [];
  const child = (id: string): number => {
    let i = childIndex.get(id);
    if (i === undefined) {
      i = childIds.length;
      childIndex.set(id, i);
      childIds.push(id);
    }
    return i;
  };
  const workerIndex = new Map(data.workers.map((w, i) => [w.workerId, i]));
  const n = data.cases.length;
  const p: Prepared = {
    childIds,
    caseChild: new Int32Array(n), caseRank: new Int8Array(n), caseStart: new Int32Array(n), caseEnd: new Int32Array(n),
    allocationChild: new Int32Array(data.allocations.length), allocationWorker: new Int32Array(data.allocations.length),
    allocationRole: new Int8Array(data.allocations.length), allocationStart: new Int32Array(data.allocations.length), allocationEnd: new Int32Array(data.allocations.length),
    workerStart: new Int32Array(data.workers.length), workerEnd: new Int32Array(data.workers.length),
  };
  data.cases.forEach((c, i) => {
    p.caseChild[i] = child(c.childId);
    p.caseRank[i] = CASE_TYPES.indexOf(c.caseType);
    p.caseStart[i] = dayOf(c.startDate);
    p.caseEnd[i] = c.endDate === null ? NEVER : dayOf(c.endDate);
  });
  data.allocations.forEach((a, i) => {
    p.allocationChild[i] = child(a.childId);
    p.allocationWorker[i] = workerIndex.get(a.workerId) ?? -1;
    p.allocationRole[i] = ROLE[a.allocationRole as keyof typeof ROLE] ?? 0;
    p.allocationStart[i] = dayOf(a.startDate);
    p.allocationEnd[i] = a.endDate === null ? NEVER : dayOf(a.endDate);
  });
  data.workers.forEach((w, i) => {
    p.workerStart[i] = dayOf(w.startDate);
    p.workerEnd[i] = w.endDate === null ? NEVER : dayOf(w.endDate);
  });
  return p;
}

const emptyByType = (): Record<CaseType, number> => ({ cp: 0, cla: 0, cin_plan: 0, referral: 0, care_leaver: 0, other: 0 });

/** Caseloads and unallocated cases of one authority on one date. */
export function snapshotOn(data: WorkloadData, date: string, p: Prepared = prepare(data)): CaseloadSnapshot {
  const day = dayOf(date);
  const nChildren = p.childIds.length;
  // Per child on this date: most demanding open case type (rank), types bit mask, open since.
  const main = new Int8Array(nChildren).fill(-1);
  const types = new Int32Array(nChildren);
  const since = new Int32Array(nChildren).fill(NEVER);
  const team = new Int32Array(nChildren).fill(-1); // case index whose team the child's case sits with
  for (let i = 0; i < p.caseChild.length; i++) {
    if (p.caseStart[i]! > day || p.caseEnd[i]! <= day) continue;
    const c = p.caseChild[i]!;
    const rank = p.caseRank[i]!;
    if (main[c] === -1 || rank < main[c]!) {
      main[c] = rank;
      if (data.cases[i]!.teamId !== null) team[c] = i;
    }
    if (team[c] === -1 && data.cases[i]!.teamId !== null) team[c] = i;
    types[c]! |= 1 << rank;
    if (p.caseStart[i]! < since[c]!) since[c] = p.caseStart[i]!;
  }
  // Allocations open on this date: per worker distinct children by case type; who has a worker / PA.
  const nWorkers = data.workers.length;
  const byType = new Int32Array(nWorkers * CASE_TYPES.length);
  const cases = new Int32Array(nWorkers);
  const held = new Uint8Array(nChildren); // bit 1 allocated worker, bit 2 personal adviser
  const pairs = new Set<number>();
  for (let i = 0; i < p.allocationChild.length; i++) {
    if (p.allocationStart[i]! > day || p.allocationEnd[i]! <= day) continue;
    const c = p.allocationChild[i]!;
    const role = p.allocationRole[i]!;
    if (role === ROLE.allocated_worker) held[c]! |= 1;
    else if (role === ROLE.personal_adviser) held[c]! |= 2;
    const w = p.allocationWorker[i]!;
    if (w < 0) continue;
    const pair = c * nWorkers + w;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    cases[w]! += 1;
    byType[w * CASE_TYPES.length + (main[c] === -1 ? OTHER : main[c]!)]! += 1;
  }
  const workers: WorkerCases[] = [];
  for (let w = 0; w < nWorkers; w++) {
    if (p.workerStart[w]! > day || p.workerEnd[w]! <= day) continue;
    const worker = data.workers[w]!;
    const counts = emptyByType();
    CASE_TYPES.forEach((t, k) => (counts[t] = byType[w * CASE_TYPES.length + k]!));
    workers.push({ workerId: worker.workerId, role: worker.role, teamId: worker.teamId, fte: worker.fte, contract: worker.contract, cases: cases[w]!, byCaseType: counts });
  }
  const open: OpenChildren = { cp: 0, cla: 0, cin_plan: 0, referral: 0, care_leaver: 0, claOrCp: 0, total: 0 };
  const unallocated: UnallocatedCase[] = [];
  const lastEnd = new Map<number, number>(); // child → latest end of a needed allocation before `day`
  for (let c = 0; c < nChildren; c++) {
    if (main[c] === -1) continue;
    open.total += 1;
    for (const [k, t] of CASE_TYPES.entries()) if (t !== 'other' && types[c]! & (1 << k)) open[t] += 1;
    if (types[c]! & ((1 << CP) | (1 << CLA))) open.claOrCp += 1;
    const needsAdviser = main[c] === CARE_LEAVER;
    if (held[c]! & (needsAdviser ? 2 : 1)) continue;
    lastEnd.set(c, needsAdviser ? -ROLE.personal_adviser : -ROLE.allocated_worker);
  }
  if (lastEnd.size > 0) {
    // One pass over allocations finds, for each waiting child, when its last worker (or PA) came off.
    const needed = new Map(lastEnd);
    for (const c of lastEnd.keys()) lastEnd.set(c, since[c]!);
    for (let i = 0; i < p.allocationChild.length; i++) {
      const c = p.allocationChild[i]!;
      const role = needed.get(c);
      if (role === undefined || p.allocationRole[i] !== -role) continue;
      const end = p.allocationEnd[i]!;
      if (end <= day && end > lastEnd.get(c)!) lastEnd.set(c, end);
    }
    for (const [c, from] of lastEnd) {
      unallocated.push({
        childId: p.childIds[c]!, caseType: CASE_TYPES[main[c]!]!, needs: needed.get(c) === -ROLE.personal_adviser ? 'personal_adviser' : 'allocated_worker',
        teamId: team[c]! >= 0 ? data.cases[team[c]!]!.teamId : null,
        waitingSince: fromDayNumber(from), waitingDays: day - from,
      });
    }
  }
  unallocated.sort((a, b) => b.waitingDays - a.waitingDays || (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
  return { laCode: data.laCode, date, teams: data.teams, workers, openChildren: open, unallocated };
}

/** Snapshots on many dates from one load of the data (the monthly SMT series). */
export function snapshotsOn(data: WorkloadData, dates: readonly string[]): CaseloadSnapshot[] {
  const p = prepare(data);
  return dates.map((date) => snapshotOn(data, date, p));
}
