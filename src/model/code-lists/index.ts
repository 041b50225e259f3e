/**
 * Statutory and local code lists: the public face of src/model/code-lists.
 *
 *   import { ssda903, cin, codeLists, isValidCode, describeAllowed } from '../code-lists/index.js';
 *   isValidCode(ssda903.PLACE, 'K3', 2025);      // true: K3 is valid in 2024/25
 *   codeLists['903.PLACE'] === ssda903.PLACE;     // keyed by list id for the database layer
 *
 * Years are collection end-years (2025 = 2024/25).
 */
import * as ssda903 from './ssda903.js';
import * as cin from './cin-census.js';
import * as annexA from './annex-a.js';
import * as workforce from './workforce.js';
import * as local from './local.js';
import type { CodeList } from './code-list.js';

export { ssda903, cin, annexA, workforce, local };
export * from './code-list.js';
export type {
  AccommodationSuitability,
  ActivityCategory,
  CeaseCategory,
  EthnicGroup,
  PlacementCategory,
  ProviderCategory,
} from './ssda903.js';
export type { ReferralSourceGroup } from './cin-census.js';
export type { AnnexAEntry } from './annex-a.js';
export { annexACodeOf, annexATemplateOf } from './annex-a.js';
export type {
  AllocationRoleCode,
  ContractCode,
  CswwRoleGroup,
  TeamTypeCode,
  WorkerRoleCode,
} from './workforce.js';
export type {
  CareLeaverEligibilityCode,
  ConferenceTypeCode,
  HealthCheckTypeCode,
  PermanencePlanCode,
  ProtectionTypeCode,
  VisitContextCode,
} from './local.js';

/** Every list, keyed by its id. Each list appears once (re-exports share their original id). */
export const codeLists = {
  '903.SEX': ssda903.SEX,
  '903.ETHNIC': ssda903.ETHNIC,
  '903.UPN_UNKNOWN': ssda903.UPN_UNKNOWN,
  '903.RNE': ssda903.RNE,
  '903.LS': ssda903.LS,
  '903.CIN': ssda903.CIN,
  '903.PLACE': ssda903.PLACE,
  '903.PLACE_PROVIDER': ssda903.PLACE_PROVIDER,
  '903.REC': ssda903.REC,
  '903.REASON_PLACE_CHANGE': ssda903.REASON_PLACE_CHANGE,
  '903.REVIEW_CODE': ssda903.REVIEW_CODE,
  '903.SDQ_REASON': ssda903.SDQ_REASON,
  '903.IN_TOUCH': ssda903.IN_TOUCH,
  '903.ACTIV': ssda903.ACTIV,
  '903.ACCOM_TYPE': ssda903.ACCOM_TYPE,
  '903.ACCOM_SUITABILITY': ssda903.ACCOM_SUITABILITY,
  '903.ACCOM': ssda903.ACCOM,
  '903.SEX_ADOPTR': ssda903.SEX_ADOPTR,
  '903.LS_ADOPTR': ssda903.LS_ADOPTR,
  '903.REASON_PLACED_CEASED': ssda903.REASON_PLACED_CEASED,
  '903.PREV_PERM': ssda903.PREV_PERM,
  '903.MISSING': ssda903.MISSING,
  '903.SW_REASON': ssda903.SW_REASON,
  '903.FLAG': ssda903.FLAG,
  '903.NB_ADOPTR': ssda903.NB_ADOPTR,
  '903.PL_LOCATION': ssda903.PL_LOCATION,
  '903.LA_OUTSIDE_ENGLAND': ssda903.LA_OUTSIDE_ENGLAND,
  '903.PL_LA_SPECIAL': ssda903.PL_LA_SPECIAL,

  'cin.ReferralSource': cin.ReferralSource,
  'cin.PrimaryNeedCode': cin.PrimaryNeedCode,
  'cin.ReasonForClosure': cin.ReasonForClosure,
  'cin.AssessmentFactors': cin.AssessmentFactors,
  'cin.CategoryOfAbuse': cin.CategoryOfAbuse,
  'cin.Disability': cin.Disability,
  'cin.Ethnicity': cin.Ethnicity,
  'cin.GenderCurrent': cin.GenderCurrent,
  'cin.Sex': cin.Sex,
  'cin.UPNunknown': cin.UPNunknown,

  'annexA.Gender': annexA.Gender,
  'annexA.YesNo': annexA.YesNo,
  'annexA.YesNoUnknown': annexA.YesNoUnknown,
  'annexA.CaseStatus': annexA.CaseStatus,
  'annexA.CategoryOfAbuse': annexA.CategoryOfAbuse,
  'annexA.PermanencePlan': annexA.PermanencePlan,
  'annexA.PlacementProvider': annexA.PlacementProvider,
  'annexA.PlacementLocation': annexA.PlacementLocation,
  'annexA.ReasonCeased': annexA.ReasonCeased,
  'annexA.EligibilityCategory': annexA.EligibilityCategory,
  'annexA.InTouch': annexA.InTouch,
  'annexA.AccommodationSuitability': annexA.AccommodationSuitability,
  'annexA.Activity': annexA.Activity,
  'annexA.AdopterLeavingReason': annexA.AdopterLeavingReason,

  'workforce.role': workforce.WorkerRole,
  'workforce.teamType': workforce.TeamType,
  'workforce.contract': workforce.Contract,
  'workforce.allocationRole': workforce.AllocationRole,

  'local.conferenceType': local.ConferenceType,
  'local.visitContext': local.VisitContext,
  'local.protectionType': local.ProtectionType,
  'local.healthCheckType': local.HealthCheckType,
  'local.permanencePlan': local.PermanencePlanType,
  'local.careLeaverEligibility': local.CareLeaverEligibility,
} as const satisfies Record<string, CodeList>;

export type CodeListId = keyof typeof codeLists;

/** Look a list up by id (e.g. from a rule table); undefined when there is no such list. */
export function getCodeList(id: string): CodeList | undefined {
  return Object.hasOwn(codeLists, id) ? codeLists[id as CodeListId] : undefined;
}
