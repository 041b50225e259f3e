/**
 * Posts for projected demand: the link between a forecast (CP, CIN, CLA, care leavers) and the
 * workforce. Pure: the forecast module calls it with its projections.
 */
import { roundUpPosts } from './plan.js';
import { standardFor } from './standards/resolve.js';
import type { WorkloadStandards } from './standards/types.js';

export interface ProjectedDemand {
  /** Children on child protection plans. */
  cp: number;
  /** Children in need other than CP and CLA (CIN plans and open assessments). */
  cin: number;
  /** Children looked after. */
  cla: number;
  /** Care leavers entitled to a personal adviser (optional). */
  careLeavers?: number;
}

export interface PostsForDemand {
  /** Case-holding social workers: weighted cases ÷ the generic social worker standard (max). */
  socialWorkers: { exact: number; posts: number };
  /** First-line managers for the span of control (max direct reports). */
  teamManagers: { exact: number; posts: number };
  /** IROs: CLA (+ CP when IROs chair conferences) ÷ the IRO standard (max). */
  iros: { exact: number; posts: number };
  /** Personal advisers: care leavers ÷ the PA standard (max). */
  personalAdvisers: { exact: number; posts: number };
  /** The per-FTE standards used, for display. */
  basis: { socialWorker: number; span: number; iro: number; personalAdviser: number; weighted: boolean };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function checkDemand(demand: ProjectedDemand): void {
  for (const [key, value] of Object.entries(demand)) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`Projected ${key} must be a number of children ≥ 0, got ${JSON.stringify(value)}.`);
    }
  }
}

function required(standards: WorkloadStandards, role: string, teamType: string | null): number {
  const found = standardFor(standards, role, teamType);
  if (!found) throw new Error(`Standards ${standards.name} have no caseload rule for ${role}.`);
  return found.max;
}

/** Full-time posts needed to hold the projected caseload within `standards`. */
export function postsForDemand(demand: ProjectedDemand, standards: WorkloadStandards): PostsForDemand {
  checkDemand(demand);
  const w = standards.weights;
  const weight = (type: 'cp' | 'cin_plan' | 'cla'): number => (w.enabled ? w.byCaseType[type] : 1);
  const cases = demand.cp * weight('cp') + demand.cin * weight('cin_plan') + demand.cla * weight('cla');
  const sw = required(standards, 'social_worker', null);
  const iro = required(standards, 'iro', 'iro_safeguarding');
  const pa = required(standards, 'personal_adviser', 'leaving_care');
  const step = standards.postStep;
  const swExact = cases / sw;
  const swPosts = roundUpPosts(swExact, step);
  const tmExact = swPosts / standards.managerSpan.max;
  const iroExact = (demand.cla + (standards.iroIncludesCp ? demand.cp : 0)) / iro;
  const paExact = (demand.careLeavers ?? 0) / pa;
  return {
    socialWorkers: { exact: round2(swExact), posts: swPosts },
    teamManagers: { exact: round2(tmExact), posts: roundUpPosts(tmExact, 1) },
    iros: { exact: round2(iroExact), posts: roundUpPosts(iroExact, step) },
    personalAdvisers: { exact: round2(paExact), posts: roundUpPosts(paExact, step) },
    basis: { socialWorker: sw, span: standards.managerSpan.max, iro, personalAdviser: pa, weighted: w.enabled },
  };
}
