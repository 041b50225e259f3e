/**
 * Shipped caseload standards (workforce.md sections 1 and 8). Each authority starts from one
 * preset (default 'csc-default') and overrides values in the database (`csc workforce standards`).
 */
import type { CaseloadRule, CaseType, WorkloadStandards } from './types.js';

const LEICS = 'Leicestershire County Council, July 2017 (resources for the Ofsted improvement plan)';
const OXON_2014 = 'Oxfordshire Performance Scrutiny Committee, 25 September 2014';
const CIPFA_SOURCE = 'CIPFA, Children & Families – Good Value from Good Practice (quoted by Leicestershire 2017)';
const IRO_HANDBOOK = 'DCSF IRO Handbook (2010): 50-70 children per FTE IRO';

const rule = (role: string, teamType: string, min: number, max: number, source: string, basis: CaseloadRule['basis'] = 'sourced'): CaseloadRule => ({
  role, teamType, min, max, source, basis,
});

/** Illustrative weights (workforce.md §8): an assumption, used only when weighting is switched on. */
export const DEFAULT_CASE_WEIGHTS: Record<CaseType, number> = {
  cp: 1.5, cla: 1.0, cin_plan: 1.0, referral: 1.0, care_leaver: 0.5, other: 1.0,
};

const common = {
  managerSpan: { min: 8, max: 10 },
  managerRoles: ['team_manager', 'service_manager'],
  caseHoldingRoles: ['social_worker', 'asye', 'senior_practitioner', 'advanced_practitioner'],
  iroIncludesCp: true,
  fteAdjusted: true,
  weights: { enabled: false, byCaseType: DEFAULT_CASE_WEIGHTS },
  caseHoldersPerSeniorPractitioner: null,
  postStep: 1,
} satisfies Partial<WorkloadStandards>;

const iroAndPa = [
  rule('iro', '*', 50, 70, IRO_HANDBOOK),
  rule('personal_adviser', '*', 18, 20, LEICS),
];

/** Leicestershire 2017: SW 18-20; ASYE and senior practitioners 12-15; managers 8-10 reports. */
export const LEICESTERSHIRE_2017: WorkloadStandards = {
  name: 'leicestershire-2017',
  title: 'Leicestershire 2017 (SW 18-20, ASYE and senior practitioner 12-15)',
  rules: [
    rule('social_worker', '*', 18, 20, LEICS),
    rule('asye', '*', 12, 15, LEICS),
    rule('senior_practitioner', '*', 12, 15, LEICS),
    rule('advanced_practitioner', '*', 12, 15, LEICS),
    ...iroAndPa,
  ],
  protectionFactors: {},
  ...common,
};

/** Oxfordshire 2014: 14 looked-after, 16 family support, 18 disability (a maximum, not a range). */
export const OXFORDSHIRE_2014: WorkloadStandards = {
  name: 'oxfordshire-2014',
  title: 'Oxfordshire 2014 (14 looked after, 16 family support, 18 disability)',
  rules: [
    rule('social_worker', '*', 14, 14, `${OXON_2014} (January 2014 aspiration)`),
    rule('social_worker', 'looked_after', 14, 14, OXON_2014),
    rule('social_worker', 'family_support_cp', 16, 16, OXON_2014),
    rule('social_worker', 'cin', 16, 16, OXON_2014),
    rule('social_worker', 'disability', 18, 18, OXON_2014),
    ...iroAndPa,
  ],
  // Oxfordshire protects ASYE caseloads for a year without a published figure: Leicestershire's ratio.
  protectionFactors: { asye: 0.75, senior_practitioner: 0.75, advanced_practitioner: 0.75 },
  ...common,
};

/** CIPFA 14-17 for every social worker, with Leicestershire's 0.75 protection for ASYEs. */
export const CIPFA_STANDARD: WorkloadStandards = {
  name: 'cipfa',
  title: 'CIPFA sensible staffing workloads (14-17)',
  rules: [rule('social_worker', '*', 14, 17, CIPFA_SOURCE), ...iroAndPa],
  protectionFactors: { asye: 0.75, senior_practitioner: 0.75, advanced_practitioner: 0.75 },
  ...common,
};

/** workforce.md §8 defaults: CIPFA range generally, Oxfordshire's maxima by team type. */
export const CSC_DEFAULT: WorkloadStandards = {
  name: 'csc-default',
  title: 'CSC Workbench default (workforce.md section 8)',
  rules: [
    rule('social_worker', '*', 14, 17, CIPFA_SOURCE),
    rule('social_worker', 'looked_after', 12, 14, OXON_2014),
    rule('social_worker', 'family_support_cp', 14, 16, OXON_2014),
    rule('social_worker', 'cin', 14, 16, OXON_2014),
    rule('social_worker', 'disability', 16, 18, OXON_2014),
    ...iroAndPa,
  ],
  // workforce.md §8: 0.7 for ASYEs and senior practitioners, an assumption within 0.6-0.85.
  protectionFactors: { asye: 0.7, senior_practitioner: 0.7, advanced_practitioner: 0.7 },
  ...common,
};

export const PRESETS: Readonly<Record<string, WorkloadStandards>> = {
  [CSC_DEFAULT.name]: CSC_DEFAULT,
  [LEICESTERSHIRE_2017.name]: LEICESTERSHIRE_2017,
  [OXFORDSHIRE_2014.name]: OXFORDSHIRE_2014,
  [CIPFA_STANDARD.name]: CIPFA_STANDARD,
};

export function presetNamed(name: string): WorkloadStandards {
  const preset = PRESETS[name];
  if (!preset) throw new Error(`Unknown standards preset ${JSON.stringify(name)}: use one of ${Object.keys(PRESETS).join(', ')}.`);
  return preset;
}
