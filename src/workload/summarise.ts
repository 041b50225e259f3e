/**
 * Caseloads against standards: per worker (cases, per FTE, capacity, over capacity), per team
 * (average, range, capacity = Σ FTE × standard, cases over capacity), per service and overall.
 * Over capacity is counted per worker and summed (Leicestershire 2017's method), so a team's
 * spare capacity in one worker does not hide another worker's excess.
 */
import type { CaseloadSnapshot, WorkerCases } from './snapshot.js';
import { standardFor, type ResolvedStandard } from './standards/resolve.js';
import type { WorkloadStandards } from './standards/types.js';

export type CaseloadStatus = 'over' | 'within' | 'under' | 'no standard';

export interface WorkerCaseload extends WorkerCases {
  teamName: string;
  teamType: string | null;
  /** Weighted load (= cases when weighting is off). */
  load: number;
  casesPerFte: number;
  standardMin: number | null;
  standardMax: number | null;
  standardRule: string | null;
  capacity: number | null;
  overCapacity: number;
  status: CaseloadStatus;
}

export interface GroupCaseload {
  /** Team id, service name or 'all'. */
  key: string;
  name: string;
  teamType: string | null;
  service: string | null;
  locality: string | null;
  /** Workers with a caseload standard (case holders, IROs, personal advisers). */
  caseHolders: number;
  caseHolderFte: number;
  cases: number;
  load: number;
  /** Σ cases ÷ Σ FTE of case holders. */
  averagePerFte: number | null;
  /** Σ cases ÷ case-holder headcount (what many reports call the average caseload). */
  averagePerWorker: number | null;
  minPerFte: number | null;
  maxPerFte: number | null;
  capacity: number;
  overCapacity: number;
  workersOver: number;
  managers: number;
  directReports: number;
  agencyFte: number;
  /** Open cases sitting with this team (or service) that have no allocated worker / PA. */
  unallocated: number;
}

export interface CaseloadSummary {
  laCode: string;
  date: string;
  standards: string;
  workers: WorkerCaseload[];
  teams: GroupCaseload[];
  services: GroupCaseload[];
  total: GroupCaseload;
  /** Case-holding social workers only (ASYE, SW, senior and advanced practitioners): comparable with CSWW caseloads. */
  caseHolding: GroupCaseload;
  openChildren: CaseloadSnapshot['openChildren'];
  unallocated: CaseloadSnapshot['unallocated'];
}

const NO_TEAM = '(no team)';
const round2 = (n: number): number => Math.round(n * 100) / 100;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function weightedLoad(worker: WorkerCases, standards: WorkloadStandards): number {
  if (!standards.weights.enabled) return worker.cases;
  let load = 0;
  for (const [type, n] of Object.entries(worker.byCaseType)) load += n * (standards.weights.byCaseType[type as keyof typeof worker.byCaseType] ?? 1);
  return load;
}

export function workerCaseload(
  worker: WorkerCases,
  team: { name: string; teamType: string } | undefined,
  standards: WorkloadStandards,
  resolve: (role: string, teamType: string | null) => ResolvedStandard | null = (role, teamType) => standardFor(standards, role, teamType),
): WorkerCaseload {
  const teamType = team?.teamType ?? null;
  const standard = resolve(worker.role, teamType);
  const load = weightedLoad(worker, standards);
  const capacity = standard ? standard.max * (standards.fteAdjusted ? worker.fte : 1) : null;
  const overCapacity = capacity === null ? 0 : Math.max(0, round2(load - capacity));
  const minLoad = standard ? standard.min * (standards.fteAdjusted ? worker.fte : 1) : 0;
  const status: CaseloadStatus = capacity === null ? 'no standard' : overCapacity > 0 ? 'over' : load < minLoad ? 'under' : 'within';
  return {
    ...worker,
    teamName: team?.name ?? NO_TEAM,
    teamType,
    load,
    casesPerFte: round2(worker.cases / worker.fte),
    standardMin: standard ? round2(standard.min) : null,
    standardMax: standard ? round2(standard.max) : null,
    standardRule: standard?.rule ?? null,
    capacity: capacity === null ? null : round2(capacity),
    overCapacity,
    status,
  };
}

function group(key: string, name: string, meta: Pick<GroupCaseload, 'teamType' | 'service' | 'locality'>, workers: readonly WorkerCaseload[], standards: WorkloadStandards, unallocated: number): GroupCaseload {
  const holders = workers.filter((w) => w.capacity !== null);
  const fte = holders.reduce((s, w) => s + w.fte, 0);
  const cases = holders.reduce((s, w) => s + w.cases, 0);
  const perFte = holders.map((w) => w.casesPerFte);
  const managers = workers.filter((w) => standards.managerRoles.includes(w.role)).length;
  return {
    key, name, ...meta,
    caseHolders: holders.length,
    caseHolderFte: round2(fte),
    cases,
    load: round2(holders.reduce((s, w) => s + w.load, 0)),
    averagePerFte: fte > 0 ? round2(cases / fte) : null,
    averagePerWorker: holders.length > 0 ? round2(cases / holders.length) : null,
    minPerFte: perFte.length ? Math.min(...perFte) : null,
    maxPerFte: perFte.length ? Math.max(...perFte) : null,
    capacity: round2(holders.reduce((s, w) => s + (w.capacity ?? 0), 0)),
    overCapacity: round2(holders.reduce((s, w) => s + w.overCapacity, 0)),
    workersOver: holders.filter((w) => w.overCapacity > 0).length,
    managers,
    directReports: workers.length - managers,
    agencyFte: round2(workers.filter((w) => w.contract === 'agency').reduce((s, w) => s + w.fte, 0)),
    unallocated,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Caseloads of one snapshot measured against a set of standards. */
export function summariseCaseloads(snapshot: CaseloadSnapshot, standards: WorkloadStandards): CaseloadSummary {
  const teamsById = new Map(snapshot.teams.map((t) => [t.teamId, t]));
  const resolved = new Map<string, ResolvedStandard | null>();
  const resolve = (role: string, teamType: string | null): ResolvedStandard | null => {
    const key = `${role}/${teamType}`;
    if (!resolved.has(key)) resolved.set(key, standardFor(standards, role, teamType));
    return resolved.get(key)!;
  };
  const workers = snapshot.workers
    .map((w) => workerCaseload(w, w.teamId ? teamsById.get(w.teamId) : undefined, standards, resolve))
    .sort((a, b) => byText(a.teamName, b.teamName) || byText(a.workerId, b.workerId));
  const byTeam = groupBy(workers, (w) => w.teamId ?? NO_TEAM);
  const waitingByTeam = groupBy(snapshot.unallocated, (u) => u.teamId ?? NO_TEAM);
  for (const key of waitingByTeam.keys()) if (!byTeam.has(key) && teamsById.has(key)) byTeam.set(key, []);
  const teams = [...byTeam].map(([key, members]) => {
    const team = teamsById.get(key);
    const meta = { teamType: team?.teamType ?? null, service: team?.service ?? null, locality: team?.locality ?? null };
    return group(key, team?.name ?? NO_TEAM, meta, members, standards, waitingByTeam.get(key)?.length ?? 0);
  }).sort((a, b) => byText(a.service ?? '', b.service ?? '') || byText(a.name, b.name));
  const serviceOf = (teamId: string | null): string => (teamId ? teamsById.get(teamId)?.service : null) ?? '(no service)';
  const byService = groupBy(workers, (w) => serviceOf(w.teamId));
  const waitingByService = groupBy(snapshot.unallocated, (u) => serviceOf(u.teamId));
  for (const key of waitingByService.keys()) if (!byService.has(key)) byService.set(key, []);
  const services = [...byService].map(([service, members]) => group(service, service, { teamType: null, service, locality: null }, members, standards, waitingByService.get(service)?.length ?? 0))
    .sort((a, b) => byText(a.name, b.name));
  return {
    laCode: snapshot.laCode,
    date: snapshot.date,
    standards: standards.name,
    workers,
    teams,
    services,
    total: group('all', 'All teams', { teamType: null, service: null, locality: null }, workers, standards, snapshot.unallocated.length),
    caseHolding: group('case-holding', 'Case-holding social workers', { teamType: null, service: null, locality: null }, workers.filter((w) => standards.caseHoldingRoles.includes(w.role)), standards, snapshot.unallocated.length),
    openChildren: snapshot.openChildren,
    unallocated: snapshot.unallocated,
  };
}
