import type { CaseloadRule, WorkloadStandards } from './types.js';

export interface ResolvedStandard {
  min: number;
  max: number;
  /** How the value was found, for display: 'social_worker/looked_after', 'asye = 0.7 × social_worker/*'. */
  rule: string;
}

function findRule(rules: readonly CaseloadRule[], role: string, teamType: string | null): CaseloadRule | undefined {
  return rules.find((r) => r.role === role && teamType !== null && r.teamType === teamType) ?? rules.find((r) => r.role === role && r.teamType === '*');
}

/**
 * The caseload standard of one FTE in `role` in a team of `teamType`: the role's own rule for the
 * team type, else its '*' rule, else the protection factor × the social worker rule; null for
 * roles with no caseload standard (managers, support workers).
 */
export function standardFor(standards: WorkloadStandards, role: string, teamType: string | null): ResolvedStandard | null {
  const own = findRule(standards.rules, role, teamType);
  if (own) return { min: own.min, max: own.max, rule: `${own.role}/${own.teamType}` };
  const factor = standards.protectionFactors[role];
  if (factor === undefined) return null;
  const base = findRule(standards.rules, 'social_worker', teamType);
  if (!base) return null;
  return { min: base.min * factor, max: base.max * factor, rule: `${role} = ${factor} × ${base.role}/${base.teamType}` };
}
