/**
 * CSC Workbench's own lists for canonical-model columns that have no DfE code (ids 'local.*').
 * Where Annex A has an equivalent list, its codes are reused so the Annex A export is a lookup.
 */
import type { CodeList, CodeOf } from './code-list.js';
import { EligibilityCategory, PermanencePlan } from './annex-a.js';

const SOURCE = 'CSC Workbench canonical model';

export const ConferenceType = {
  id: 'local.conferenceType',
  title: 'Child protection conference type',
  source: SOURCE,
  codes: [
    { code: 'initial', label: 'initial child protection conference (ICPC)' },
    { code: 'review', label: 'child protection review conference' },
    { code: 'transfer_in', label: 'transfer-in conference (child protection plan from another LA)' },
  ],
} as const satisfies CodeList;

export const VisitContext = {
  id: 'local.visitContext',
  title: 'Visit context',
  source: SOURCE,
  codes: [
    { code: 'cin', label: 'child in need visit' },
    { code: 'cp', label: 'child protection visit' },
    { code: 'cla', label: 'looked-after child statutory visit' },
  ],
} as const satisfies CodeList;

/** Annex A List 7 column 14: emergency protection order or police powers. */
export const ProtectionType = {
  id: 'local.protectionType',
  title: 'Emergency protection type',
  source: SOURCE,
  reference: 'formats-annex-a.md 2 (List 7), 4',
  codes: [
    { code: 'police_protection', label: 'protected under police powers (police protection)' },
    { code: 'epo', label: 'emergency protection order (EPO)' },
  ],
} as const satisfies CodeList;

/** SSDA903 OC2 and Annex A List 8 health items. */
export const HealthCheckType = {
  id: 'local.healthCheckType',
  title: 'Health check type',
  source: SOURCE,
  reference: 'formats-ssda903.md 3.5; formats-annex-a.md 2 (List 8)',
  codes: [
    { code: 'health_assessment', label: 'health assessment' },
    { code: 'dental', label: 'dental check' },
    { code: 'development', label: 'health surveillance / development check (under 5s)' },
  ],
} as const satisfies CodeList;

/** Codes and wording of Annex A List 8 "What is the permanence plan for this child?". */
export const PermanencePlanType = {
  id: 'local.permanencePlan',
  title: 'Permanence plan',
  source: SOURCE,
  reference: PermanencePlan.reference,
  codes: PermanencePlan.codes,
} as const satisfies CodeList;

/** Codes and wording of Annex A List 9 "Eligibility Category". */
export const CareLeaverEligibility = {
  id: 'local.careLeaverEligibility',
  title: 'Care leaver eligibility',
  source: SOURCE,
  reference: EligibilityCategory.reference,
  codes: EligibilityCategory.codes,
} as const satisfies CodeList;

export type ConferenceTypeCode = CodeOf<typeof ConferenceType>;
export type VisitContextCode = CodeOf<typeof VisitContext>;
export type ProtectionTypeCode = CodeOf<typeof ProtectionType>;
export type HealthCheckTypeCode = CodeOf<typeof HealthCheckType>;
export type PermanencePlanCode = CodeOf<typeof PermanencePlanType>;
export type CareLeaverEligibilityCode = CodeOf<typeof CareLeaverEligibility>;
