/**
 * Capacity plan: the posts that bring every team within standard, and what they cost.
 *   team posts      = Σ over capacity ÷ social worker standard (max) for the team type, rounded up
 *   team managers   = ⌈direct reports after the new posts ÷ span max⌉ − managers in post
 *   IROs            = (CLA + CP children) ÷ IRO standard (max) − IRO FTE in post
 *   personal advisers = care leavers ÷ PA standard (max) − PA FTE in post
 * Exact FTE is kept beside the rounded posts so a report can show both (workforce.md §3).
 */
import type { CaseloadSummary, WorkerCaseload } from './summarise.js';
import { standardFor } from './standards/resolve.js';
import type { UnitCosts, WorkloadStandards } from './standards/types.js';
import { agencyCost, permanentCost, unitCostFor } from './standards/unit-costs.js';

export interface PlanLine {
  /** Team name, or 'IROs' / 'Personal advisers' for authority-wide lines. */
  scope: string;
  teamId: string | null;
  role: string;
  reason: string;
  /** FTE in post in this role and scope now. */
  currentFte: number;
  /** FTE the standard requires (current + exact gap). */
  neededFte: number;
  postsExact: number;
  posts: number;
  annualCost: number;
}

export interface AgencyReplacement {
  agencyFte: number;
  agencyAnnualCost: number;
  permanentAnnualCost: number;
  annualSaving: number;
}

export interface CapacityPlan {
  laCode: string;
  date: string;
  standards: string;
  lines: PlanLine[];
  postsByRole: Record<string, number>;
  totalPosts: number;
  totalAnnualCost: number;
  agency: AgencyReplacement;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const teamIdOf = (key: string): string | null => (key === '(no team)' ? null : key);

/** Rounds a post count up to a multiple of `step` (ignoring floating-point dust). */
export function roundUpPosts(exact: number, step: number): number {
  if (exact <= 1e-9) return 0;
  return round2(Math.ceil(exact / step - 1e-9) * step);
}

function line(scope: string, teamId: string | null, role: string, reason: string, currentFte: number, postsExact: number, step: number, costs: UnitCosts): PlanLine {
  const exact = Math.max(0, postsExact);
  const posts = roundUpPosts(exact, step);
  return {
    scope, teamId, role, reason,
    currentFte: round2(currentFte),
    neededFte: round2(currentFte + exact),
    postsExact: round2(exact),
    posts,
    annualCost: Math.round(posts * permanentCost(unitCostFor(costs, role))),
  };
}

const fteOf = (workers: readonly WorkerCaseload[], role: string): number => workers.filter((w) => w.role === role).reduce((s, w) => s + w.fte, 0);

/** The saving from replacing every agency worker in post with a permanent one. */
export function agencyReplacement(workers: readonly WorkerCaseload[], costs: UnitCosts): AgencyReplacement {
  let agencyFte = 0;
  let agencyAnnualCost = 0;
  let permanentAnnualCost = 0;
  for (const w of workers) {
    if (w.contract !== 'agency') continue;
    const cost = unitCostFor(costs, w.role);
    agencyFte += w.fte;
    agencyAnnualCost += agencyCost(cost) * w.fte;
    permanentAnnualCost += permanentCost(cost) * w.fte;
  }
  return {
    agencyFte: round2(agencyFte),
    agencyAnnualCost: Math.round(agencyAnnualCost),
    permanentAnnualCost: Math.round(permanentAnnualCost),
    annualSaving: Math.round(agencyAnnualCost - permanentAnnualCost),
  };
}

/** Posts needed to bring each team, the IRO service and leaving care within standard. */
export function capacityPlan(summary: CaseloadSummary, standards: WorkloadStandards, costs: UnitCosts): CapacityPlan {
  const lines: PlanLine[] = [];
  const postRole = standards.caseHoldingRoles[0] ?? 'social_worker';
  for (const team of summary.teams) {
    const members = summary.workers.filter((w) => (w.teamId ?? '(no team)') === team.key);
    const holders = members.filter((w) => standards.caseHoldingRoles.includes(w.role));
    const over = holders.reduce((s, w) => s + w.overCapacity, 0);
    const postStandard = standardFor(standards, postRole, team.teamType);
    let newPosts = 0;
    if (over > 0 && postStandard) {
      const l = line(team.name, teamIdOf(team.key), postRole, `${round2(over)} cases over capacity ÷ ${round2(postStandard.max)} per FTE`, fteOf(holders, postRole), over / postStandard.max, standards.postStep, costs);
      lines.push(l);
      newPosts = l.posts;
    }
    const perSp = standards.caseHoldersPerSeniorPractitioner;
    let spPosts = 0;
    if (perSp && holders.length > 0) {
      const spNeeded = (holders.length + Math.ceil(newPosts)) / perSp;
      const spNow = fteOf(members, 'senior_practitioner');
      if (spNeeded > spNow) {
        const l = line(team.name, teamIdOf(team.key), 'senior_practitioner', `1 per ${perSp} case holders`, spNow, spNeeded - spNow, standards.postStep, costs);
        lines.push(l);
        spPosts = l.posts;
      }
    }
    if (team.directReports > 0) {
      const reportsAfter = team.directReports + Math.ceil(newPosts) + Math.ceil(spPosts);
      const managersNeeded = Math.ceil(reportsAfter / standards.managerSpan.max - 1e-9);
      if (managersNeeded > team.managers) {
        lines.push(line(team.name, teamIdOf(team.key), 'team_manager', `${reportsAfter} direct reports ÷ span ${standards.managerSpan.max}`, team.managers, managersNeeded - team.managers, 1, costs));
      }
    }
  }
  const iroStandard = standardFor(standards, 'iro', 'iro_safeguarding');
  if (iroStandard) {
    const children = standards.iroIncludesCp ? summary.openChildren.claOrCp : summary.openChildren.cla;
    const fte = fteOf(summary.workers, 'iro');
    lines.push(line('IROs', null, 'iro', `${children} children (${standards.iroIncludesCp ? 'CLA + CP' : 'CLA'}) ÷ ${iroStandard.max} per FTE`, fte, children / iroStandard.max - fte, standards.postStep, costs));
  }
  const paStandard = standardFor(standards, 'personal_adviser', 'leaving_care');
  if (paStandard) {
    const leavers = summary.openChildren.care_leaver;
    const fte = fteOf(summary.workers, 'personal_adviser');
    lines.push(line('Personal advisers', null, 'personal_adviser', `${leavers} care leavers ÷ ${paStandard.max} per FTE`, fte, leavers / paStandard.max - fte, standards.postStep, costs));
  }
  const postsByRole: Record<string, number> = {};
  for (const l of lines) postsByRole[l.role] = round2((postsByRole[l.role] ?? 0) + l.posts);
  return {
    laCode: summary.laCode,
    date: summary.date,
    standards: standards.name,
    lines,
    postsByRole,
    totalPosts: round2(lines.reduce((s, l) => s + l.posts, 0)),
    totalAnnualCost: lines.reduce((s, l) => s + l.annualCost, 0),
    agency: agencyReplacement(summary.workers, costs),
  };
}
