/** The plain data the workload calculations read: teams, workers, allocations and open cases. */
import type { CaseType } from './standards/types.js';

export interface TeamRecord {
  teamId: string;
  name: string;
  teamType: string;
  service: string | null;
  locality: string | null;
}

export interface WorkerRecord {
  workerId: string;
  role: string;
  teamId: string | null;
  fte: number;
  contract: string;
  startDate: string;
  endDate: string | null;
}

/** A worker holding a child's case in one allocation role, from start (inclusive) to end (exclusive). */
export interface AllocationRecord {
  childId: string;
  workerId: string;
  allocationRole: string;
  startDate: string;
  endDate: string | null;
}

/** An interval during which a child has open work of one type (CP plan, care period, ...). */
export interface CaseInterval {
  childId: string;
  caseType: Exclude<CaseType, 'other'>;
  startDate: string;
  endDate: string | null;
  /** The team the case sits with (from the referral or CIN plan), when recorded. */
  teamId: string | null;
}

export interface WorkloadData {
  laCode: string;
  teams: TeamRecord[];
  workers: WorkerRecord[];
  allocations: AllocationRecord[];
  cases: CaseInterval[];
}
