/**
 * Workforce code lists. These are CSC Workbench's own lists (no statutory source); the role
 * groups map onto the DfE children's social work workforce census (CSWW) role categories
 * listed in /work/shared/reference/workforce.md section 4.
 */
import type { CodeList, CodeOf, GroupedEntry } from './code-list.js';

const SOURCE = 'CSC Workbench workforce model';

/**
 * CSWW role category: 1 senior manager, 2 middle manager, 3 first-line manager,
 * 4 senior practitioner, 5 case holder, 6 qualified without cases; 'not_csww' for roles the
 * census does not count as social workers. [our mapping; a post's CSWW code is the LA's call]
 */
export type CswwRoleGroup =
  | 'middle_manager'
  | 'first_line_manager'
  | 'senior_practitioner'
  | 'case_holder'
  | 'qualified_without_cases'
  | 'not_csww';

export const WorkerRole = {
  id: 'workforce.role',
  title: 'Worker role',
  source: SOURCE,
  reference: 'workforce.md',
  codes: [
    {
      code: 'asye',
      label: 'Newly qualified social worker (Assessed and Supported Year in Employment)',
      group: 'case_holder',
    },
    { code: 'social_worker', label: 'Social worker', group: 'case_holder' },
    { code: 'senior_practitioner', label: 'Senior practitioner', group: 'senior_practitioner' },
    { code: 'advanced_practitioner', label: 'Advanced practitioner', group: 'senior_practitioner' },
    { code: 'team_manager', label: 'Team manager', group: 'first_line_manager' },
    { code: 'service_manager', label: 'Service manager', group: 'middle_manager' },
    { code: 'iro', label: 'Independent reviewing officer (IRO)', group: 'qualified_without_cases' },
    { code: 'personal_adviser', label: 'Personal adviser (leaving care)', group: 'not_csww' },
    { code: 'support_worker', label: 'Support worker (not a registered social worker)', group: 'not_csww' },
  ],
} as const satisfies CodeList<GroupedEntry<CswwRoleGroup>>;

export const TeamType = {
  id: 'workforce.teamType',
  title: 'Team type',
  source: SOURCE,
  codes: [
    { code: 'front_door', label: 'Front door (contact, MASH, duty and assessment)' },
    { code: 'family_support_cp', label: 'Family support and child protection' },
    { code: 'cin', label: 'Children in need' },
    { code: 'looked_after', label: 'Children looked after' },
    { code: 'leaving_care', label: 'Leaving care' },
    { code: 'disability', label: 'Children with disabilities' },
    { code: 'fostering', label: 'Fostering' },
    { code: 'adoption', label: 'Adoption' },
    { code: 'kinship', label: 'Kinship (connected persons and special guardianship)' },
    { code: 'iro_safeguarding', label: 'Independent reviewing and safeguarding (IROs, conference chairs)' },
  ],
} as const satisfies CodeList;

export const Contract = {
  id: 'workforce.contract',
  title: 'Contract type',
  source: SOURCE,
  codes: [
    { code: 'permanent', label: 'Permanent (employed by the LA)' },
    { code: 'agency', label: 'Agency' },
  ],
} as const satisfies CodeList;

/** The role a worker holds on a child's case (feeds SSDA903 SWEpisodes and Annex A). */
export const AllocationRole = {
  id: 'workforce.allocationRole',
  title: 'Allocation role',
  source: SOURCE,
  codes: [
    { code: 'allocated_worker', label: 'Allocated (case-holding) worker' },
    { code: 'iro', label: 'Independent reviewing officer (IRO)' },
    { code: 'personal_adviser', label: 'Personal adviser' },
  ],
} as const satisfies CodeList;

export type WorkerRoleCode = CodeOf<typeof WorkerRole>;
export type TeamTypeCode = CodeOf<typeof TeamType>;
export type ContractCode = CodeOf<typeof Contract>;
export type AllocationRoleCode = CodeOf<typeof AllocationRole>;
