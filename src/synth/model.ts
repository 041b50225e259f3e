import type { CpCategory, PlacementGroup } from './targets.js';

/**
 * The simulation's own compact records: day numbers (UTC days, src/calendar) and small codes.
 * `rows.ts` turns them into canonical table rows; `measure.ts` counts them the way DfE does.
 * An end of `null` means still open when the simulation stops.
 */
export interface SimChild {
  id: number;
  dob: number;
  sex: 'M' | 'F';
  ethnicity: string;
  household: number;
  uasc: boolean;
  disability: string | null;
  /** Day the child's current CIN episode closes (children are never in two episodes at once). */
  openUntil: number;
  hadCpPlan: boolean;
}

export interface SimHousehold {
  id: number;
  children: number[];
  locality: number;
  hadCpPlan: boolean;
  postcodeDistrict: string;
  /** Seed key of the household's own random stream, and how many times it has been referred. */
  key: number;
  referrals: number;
}

export interface SimReferral {
  id: number;
  child: number;
  day: number;
  source: string;
  need: string | null;
  nfa: boolean;
  close: number | null;
  closeReason: string | null;
  /** Extra contacts about the same child before this referral (MASH traffic). */
  contactsBefore: number;
}

export interface SimAssessment {
  id: number;
  referral: number;
  child: number;
  start: number;
  authorised: number | null;
  furtherAction: boolean;
  factors: string[];
}

export interface SimS47 {
  id: number;
  referral: number;
  child: number;
  strategyDay: number;
  start: number;
  end: number | null;
  icpcTarget: number;
  icpcDay: number | null;
  planDecided: boolean;
  policeProtection: boolean;
}

export interface SimCpPlan {
  id: number;
  referral: number;
  child: number;
  start: number;
  end: number | null;
  initialCategory: CpCategory;
  latestCategory: CpCategory;
  subsequent: boolean;
  s47: number;
}

export interface SimCinPlan {
  id: number;
  referral: number;
  child: number;
  start: number;
  end: number | null;
}

export interface SimEpisode {
  start: number;
  end: number | null;
  rne: string;
  legalStatus: string;
  place: string;
  provider: string;
  reasonPlaceChange: string | null;
  rec: string | null;
  distanceMiles: number;
  insideLa: boolean;
}

export interface SimMissing {
  start: number;
  end: number | null;
  type: 'M' | 'A';
  offered: boolean;
  accepted: boolean;
  interviewDay: number | null;
}

export interface SimAdoption {
  decision: number;
  placementOrder: number | null;
  matched: number | null;
  placed: number | null;
  order: number | null;
  reversed: number | null;
}

export interface SimCarePeriod {
  id: number;
  child: number;
  referral: number;
  start: number;
  end: number | null;
  episodes: SimEpisode[];
  missing: SimMissing[];
  adoption: SimAdoption | null;
  cinCategory: string;
  /** Why care ended (SSDA903 REC) or null if still looked after. */
  rec: string | null;
}

export interface SimWorker {
  id: number;
  team: number;
  role: string;
  fte: number;
  agency: boolean;
  start: number;
  end: number | null;
}

export interface SimTeam {
  id: number;
  name: string;
  type: string;
  locality: string | null;
}

export interface SimAllocation {
  child: number;
  worker: number;
  role: 'allocated_worker' | 'iro' | 'personal_adviser';
  referral: number | null;
  period: number | null;
  start: number;
  end: number | null;
  reason: string | null;
}

/** Everything one run produced, before conversion to rows. */
export interface SimWorld {
  laCode: string;
  start: number;
  end: number;
  children: SimChild[];
  households: SimHousehold[];
  referrals: SimReferral[];
  assessments: SimAssessment[];
  s47s: SimS47[];
  cpPlans: SimCpPlan[];
  cinPlans: SimCinPlan[];
  carePeriods: SimCarePeriod[];
  teams: SimTeam[];
  workers: SimWorker[];
  allocations: SimAllocation[];
}

export type { CpCategory, PlacementGroup };
