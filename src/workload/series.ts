/** The monthly series SMT reads: month-end snapshots between two dates, summarised. */
import { endOfMonth, addMonths } from '../calendar/index.js';
import type { CaseloadSnapshot } from './snapshot.js';
import { weightedLoad } from './summarise.js';
import { standardFor } from './standards/resolve.js';
import type { WorkloadStandards } from './standards/types.js';

/** Month ends from the month of `from` to the month of `to`, inclusive. */
export function monthEnds(from: string, to: string): string[] {
  if (from > to) throw new Error(`The series starts (${from}) after it ends (${to}).`);
  const dates: string[] = [];
  for (let d = endOfMonth(`${from.slice(0, 7)}-01`); d <= endOfMonth(to); d = endOfMonth(addMonths(`${d.slice(0, 7)}-01`, 1))) dates.push(d);
  return dates;
}

export interface SeriesPoint {
  date: string;
  openChildren: number;
  cp: number;
  cla: number;
  cin: number;
  careLeavers: number;
  /** Case-holding social workers (the CSWW caseload population); IROs and PAs are left out. */
  caseHolderFte: number;
  averagePerFte: number | null;
  minPerFte: number | null;
  maxPerFte: number | null;
  capacity: number;
  overCapacity: number;
  teamsOverCapacity: number;
  unallocated: number;
  unallocatedCp: number;
  unallocatedCla: number;
  unallocatedCin: number;
  unallocatedCareLeavers: number;
  /** Median days the unallocated cases had waited. */
  medianWaitDays: number | null;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * One point of the series. Computed directly (not through summariseCaseloads) because SMT
 * series run over 120 snapshots: no per-worker objects, one cached standard per role and team type.
 */
export function seriesPoint(snapshot: CaseloadSnapshot, standards: WorkloadStandards): SeriesPoint {
  const teamType = new Map(snapshot.teams.map((t) => [t.teamId, t.teamType]));
  const resolved = new Map<string, number | null>();
  const capacityPerFte = (role: string, team: string | null): number | null => {
    const key = `${role}/${team}`;
    if (!resolved.has(key)) resolved.set(key, standardFor(standards, role, team)?.max ?? null);
    return resolved.get(key)!;
  };
  let fte = 0;
  let cases = 0;
  let capacity = 0;
  let over = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const teamsOver = new Set<string>();
  for (const w of snapshot.workers) {
    if (!standards.caseHoldingRoles.includes(w.role)) continue;
    const perFte = capacityPerFte(w.role, w.teamId ? (teamType.get(w.teamId) ?? null) : null);
    if (perFte === null) continue;
    const cap = perFte * (standards.fteAdjusted ? w.fte : 1);
    const excess = weightedLoad(w, standards) - cap;
    fte += w.fte;
    cases += w.cases;
    capacity += cap;
    if (excess > 1e-9) {
      over += excess;
      teamsOver.add(w.teamId ?? '');
    }
    min = Math.min(min, w.cases / w.fte);
    max = Math.max(max, w.cases / w.fte);
  }
  const u = snapshot.unallocated;
  const count = (types: string[]) => u.filter((c) => types.includes(c.caseType)).length;
  return {
    date: snapshot.date,
    openChildren: snapshot.openChildren.total,
    cp: snapshot.openChildren.cp,
    cla: snapshot.openChildren.cla,
    cin: snapshot.openChildren.cin_plan,
    careLeavers: snapshot.openChildren.care_leaver,
    caseHolderFte: round2(fte),
    averagePerFte: fte > 0 ? round2(cases / fte) : null,
    minPerFte: fte > 0 ? round2(min) : null,
    maxPerFte: fte > 0 ? round2(max) : null,
    capacity: round2(capacity),
    overCapacity: round2(over),
    teamsOverCapacity: teamsOver.size,
    unallocated: u.length,
    unallocatedCp: count(['cp']),
    unallocatedCla: count(['cla']),
    unallocatedCin: count(['cin_plan', 'referral']),
    unallocatedCareLeavers: count(['care_leaver']),
    medianWaitDays: median(u.map((c) => c.waitingDays)),
  };
}
