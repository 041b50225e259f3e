/** Caseload and capacity shapes as src/workload returns them (only the fields the pages read). */

export interface WorkerCaseload {
  workerId: string;
  role: string;
  teamId: string | null;
  teamName: string;
  fte: number;
  contract: string;
  cases: number;
  casesPerFte: number;
  standardMax: number | null;
  capacity: number | null;
  overCapacity: number;
  status: 'over' | 'within' | 'under' | 'no standard';
}

export interface GroupCaseload {
  key: string;
  name: string;
  teamType: string | null;
  service: string | null;
  caseHolders: number;
  caseHolderFte: number;
  cases: number;
  averagePerFte: number | null;
  averagePerWorker: number | null;
  minPerFte: number | null;
  maxPerFte: number | null;
  capacity: number;
  overCapacity: number;
  workersOver: number;
  agencyFte: number;
}

/** Unallocated work as the aggregate route gives it: no child ids. */
export interface UnallocatedCase {
  caseType: string;
  needs: string;
  waitingSince: string;
  waitingDays: number;
}

export interface CaseloadSummary {
  laCode: string;
  date: string;
  standards: string;
  workers?: WorkerCaseload[];
  teams: GroupCaseload[];
  total: GroupCaseload;
  unallocated: UnallocatedCase[] | { count?: number; items?: UnallocatedCase[] };
}

export interface PlanLine {
  scope: string;
  teamId: string | null;
  role: string;
  reason: string;
  currentFte: number;
  neededFte: number;
  posts: number;
  annualCost: number;
}

export interface CapacityPlan {
  laCode: string;
  date: string;
  standards: string;
  lines: PlanLine[];
  totalPosts: number;
  totalAnnualCost: number;
  agency: { agencyFte: number; agencyAnnualCost: number; permanentAnnualCost: number; annualSaving: number };
}
