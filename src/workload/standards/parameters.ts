/**
 * The scalar settings an authority may override, declared once: name, meaning, and how a typed
 * value is checked and applied to a set of standards.
 */
import { PRESETS, presetNamed } from './presets.js';
import { CASE_TYPES, type CaseType, type WorkloadStandards } from './types.js';

export interface ParameterDefinition {
  name: string;
  description: string;
  /** Returns the standards with the value applied, or throws naming the rule broken. */
  apply(standards: WorkloadStandards, value: string): WorkloadStandards;
}

function positive(name: string, value: string, max = 1000): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) throw new Error(`Parameter ${name}: value ${JSON.stringify(value)} must be a number above 0 and at most ${max}.`);
  return n;
}

function flag(name: string, value: string): boolean {
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  throw new Error(`Parameter ${name}: value ${JSON.stringify(value)} must be true or false.`);
}

const fixed: ParameterDefinition[] = [
  {
    name: 'preset',
    description: `standards to start from: ${Object.keys(PRESETS).join(', ')}`,
    apply: (_s, value) => presetNamed(value),
  },
  {
    name: 'manager_span_min', description: 'fewest direct reports per team manager',
    apply: (s, v) => ({ ...s, managerSpan: { ...s.managerSpan, min: positive('manager_span_min', v, 50) } }),
  },
  {
    name: 'manager_span_max', description: 'most direct reports per team manager (drives manager posts)',
    apply: (s, v) => ({ ...s, managerSpan: { ...s.managerSpan, max: positive('manager_span_max', v, 50) } }),
  },
  { name: 'iro_includes_cp', description: 'IROs chair CP conferences too (true/false)', apply: (s, v) => ({ ...s, iroIncludesCp: flag('iro_includes_cp', v) }) },
  { name: 'fte_adjusted', description: 'capacity scales with FTE (true/false)', apply: (s, v) => ({ ...s, fteAdjusted: flag('fte_adjusted', v) }) },
  {
    name: 'weights_enabled', description: 'count cases by weight (true/false; off by default)',
    apply: (s, v) => ({ ...s, weights: { ...s.weights, enabled: flag('weights_enabled', v) } }),
  },
  {
    name: 'case_holders_per_senior_practitioner', description: "plan one senior practitioner per N case holders ('none' = off)",
    apply: (s, v) => ({ ...s, caseHoldersPerSeniorPractitioner: v === 'none' ? null : positive('case_holders_per_senior_practitioner', v, 100) }),
  },
  { name: 'post_step', description: 'round posts up to a multiple of this (1 or 0.5)', apply: (s, v) => ({ ...s, postStep: positive('post_step', v, 1) }) },
];

const weightParameters: ParameterDefinition[] = CASE_TYPES.map((type: CaseType) => ({
  name: `weight.${type}`,
  description: `weight of a ${type} case when weighting is on`,
  apply: (s, v) => ({ ...s, weights: { ...s.weights, byCaseType: { ...s.weights.byCaseType, [type]: positive(`weight.${type}`, v, 20) } } }),
}));

const protectionParameters: ParameterDefinition[] = ['asye', 'senior_practitioner', 'advanced_practitioner'].map((role) => ({
  name: `protection.${role}`,
  description: `${role} caseload as a fraction of a social worker's, where the role has no rule of its own`,
  apply: (s, v) => ({ ...s, protectionFactors: { ...s.protectionFactors, [role]: positive(`protection.${role}`, v, 1) } }),
}));

export const PARAMETERS: readonly ParameterDefinition[] = [...fixed, ...weightParameters, ...protectionParameters];

export function parameterNamed(name: string): ParameterDefinition {
  const found = PARAMETERS.find((p) => p.name === name);
  if (!found) throw new Error(`Unknown workload parameter ${JSON.stringify(name)}: use one of ${PARAMETERS.map((p) => p.name).join(', ')}.`);
  return found;
}
