/**
 * Workload standards as plain data: caseload ranges per role and team type, management span,
 * protection factors, optional case weights, and unit costs. Values are children per FTE.
 */

/** Case types a child's open work can have on a date, most demanding first. */
export const CASE_TYPES = ['cp', 'cla', 'cin_plan', 'referral', 'care_leaver', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** Where a value comes from: taken from a named source, or chosen by us within a sourced range. */
export type Basis = 'sourced' | 'assumption';

/**
 * A caseload range for a role, optionally for one team type ('*' = any team type).
 * `max` is the capacity of one FTE: holding more than `max` is "over capacity".
 */
export interface CaseloadRule {
  role: string;
  teamType: string;
  min: number;
  max: number;
  source: string;
  basis: Basis;
}

export interface WorkloadStandards {
  /** Preset the standards came from, e.g. 'csc-default' or 'leicestershire-2017'. */
  name: string;
  title: string;
  rules: CaseloadRule[];
  /**
   * Protected caseloads: a role without its own rule for a team type gets this fraction of the
   * social worker rule for that team type (e.g. ASYE 0.7 of a full load).
   */
  protectionFactors: Record<string, number>;
  /** Direct reports per first-line manager (Leicestershire 8-10). */
  managerSpan: { min: number; max: number };
  /** Roles that manage a team and count direct reports rather than cases. */
  managerRoles: string[];
  /** Roles whose new posts fill case-holding gaps (the first is the default post). */
  caseHoldingRoles: string[];
  /** Do IROs chair CP conferences too (Leicestershire counted CLA + CP together)? */
  iroIncludesCp: boolean;
  /** Capacity scales with FTE (false reproduces headcount-based averages, e.g. Oxfordshire 2015). */
  fteAdjusted: boolean;
  /** Case weights: off by default; when on, a worker's load is Σ weight(case type). */
  weights: { enabled: boolean; byCaseType: Record<CaseType, number> };
  /** One senior practitioner post per this many case holders in a team; null = not planned. */
  caseHoldersPerSeniorPractitioner: number | null;
  /** Posts are rounded up to a multiple of this (1 = whole posts, 0.5 = half posts). */
  postStep: number;
}

/** Annual cost of one FTE in a role. */
export interface UnitCost {
  role: string;
  /** Salary (or whole unit cost when onCostRate is 0) per FTE per year, in pounds. */
  annualSalary: number;
  /** Employer's on-costs (NI, pension) as a fraction of salary. */
  onCostRate: number;
  /** Extra cost of an agency worker over a permanent one, as a fraction of the permanent cost. */
  agencyPremiumRate: number;
  priceYear: string;
  source: string;
  basis: Basis;
}

export interface UnitCosts {
  name: string;
  costs: UnitCost[];
}
