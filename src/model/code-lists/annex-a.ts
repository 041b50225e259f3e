/**
 * Ofsted Annex A (ILACS) code lists.
 * Source: /work/shared/reference/formats-annex-a.md sections 2 and 3 (Ofsted's template values as
 * in LIIA's liia-tools Annex A data map and the data-to-insight SSD Annex A extract; headers from
 * LIIA's liia-tools-pipeline Annex A schema).
 *
 * Annex A mostly reuses the DfE codes: those lists are re-exported unchanged. Lists defined here
 * either have no DfE equivalent or carry Ofsted's own template values ("a) Male"), kept in
 * `template` so an exporter can write them and an importer can read them back.
 * Annex A is not a yearly collection, so nothing here has year validity.
 */
import type { CodeEntry, CodeList, GroupedEntry } from './code-list.js';
import { entryOf } from './code-list.js';
import { PrimaryNeedCode, ReasonForClosure, ReferralSource } from './cin-census.js';
import { ACCOM_TYPE, ACTIV, ETHNIC, LS, PLACE, REASON_PLACED_CEASED, REC } from './ssda903.js';
import type { ActivityCategory, CeaseCategory } from './ssda903.js';

const REF = 'formats-annex-a.md';

/** An Annex A entry: the stored code plus the value as written in Ofsted's template. */
export type AnnexAEntry = CodeEntry & { readonly template: string };

// Re-exported DfE lists (same codes; Annex A only adds a letter prefix or abbreviates labels).
export {
  ETHNIC as Ethnicity,
  ReferralSource as ContactSource,
  ReferralSource,
  PrimaryNeedCode as PrimaryNeed,
  ReasonForClosure,
  LS as LegalStatus,
  PLACE as PlacementType,
  ACCOM_TYPE as AccommodationType,
  REASON_PLACED_CEASED,
};

// 3.1 Gender. The SSD extract maps sex codes M, F, U, I to a) to d).
export const Gender = {
  id: 'annexA.Gender',
  title: 'Gender',
  source: 'Annex A Gender',
  reference: `${REF} 3.1`,
  codes: [
    { code: 'M', label: 'Male', template: 'a) Male' },
    { code: 'F', label: 'Female', template: 'b) Female' },
    {
      code: 'U',
      label: 'Not stated/recorded',
      template: 'c) Not stated/recorded',
      note: "also unborn, unknown and indeterminate in LIIA's mapping",
    },
    { code: 'I', label: 'Neither', template: 'd) Neither' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// 3.3 Yes/No columns
export const YesNo = {
  id: 'annexA.YesNo',
  title: 'Yes or no',
  source: 'Annex A Yes/No columns',
  reference: `${REF} 3.3`,
  codes: [
    { code: 'Y', label: 'Yes', template: 'a) Yes' },
    { code: 'N', label: 'No', template: 'b) No' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

export const YesNoUnknown = {
  id: 'annexA.YesNoUnknown',
  title: 'Yes, no or unknown',
  source: 'Annex A Yes/No/Unknown columns',
  reference: `${REF} 3.3`,
  codes: [...YesNo.codes, { code: 'U', label: 'Unknown', template: 'c) Unknown' }],
} as const satisfies CodeList<AnnexAEntry>;

// List 6 column 12
export const CaseStatus = {
  id: 'annexA.CaseStatus',
  title: 'Case status',
  source: 'Annex A List 6 Case Status',
  reference: `${REF} 2 (List 6), 4`,
  codes: [
    { code: 'looked_after', label: 'Looked after child', template: 'a) Looked after child' },
    { code: 'cp_plan', label: 'Child Protection plan', template: 'b) Child Protection plan' },
    { code: 'cin_plan', label: 'Child in need plan', template: 'c) Child in need plan' },
    { code: 'open_assessment', label: 'Open assessment', template: 'd) Open assessment' },
    { code: 'closed_episode', label: 'Closed episode', template: 'e) Closed episode' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// List 7 columns 8 and 9: the CIN census category-of-abuse codes with Ofsted's wording.
export const CategoryOfAbuse = {
  id: 'annexA.CategoryOfAbuse',
  title: 'Category of abuse',
  source: 'Annex A List 7 Category of Abuse',
  reference: `${REF} 2 (List 7)`,
  codes: [
    { code: 'NEG', label: 'Neglect', template: 'a) Neglect' },
    { code: 'PHY', label: 'Physical abuse', template: 'b) Physical abuse' },
    { code: 'SAB', label: 'Sexual abuse', template: 'c) Sexual abuse' },
    { code: 'EMO', label: 'Emotional abuse', template: 'd) Emotional abuse' },
    { code: 'MUL', label: 'Multiple/not recommended', template: 'e) Multiple/not recommended' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// List 8 column 15
export const PermanencePlan = {
  id: 'annexA.PermanencePlan',
  title: 'Permanence plan',
  source: 'Annex A List 8 permanence plan',
  reference: `${REF} 2 (List 8)`,
  codes: [
    { code: 'return_to_family', label: 'Return to family', template: 'a) Return to family' },
    { code: 'adoption', label: 'Adoption', template: 'b) Adoption' },
    { code: 'sgo_cao', label: 'SGO/CAO', template: 'c) SGO/CAO' },
    {
      code: 'supported_living',
      label: 'Supported living in the community',
      template: 'd) Supported living in the community',
    },
    {
      code: 'long_term_residential',
      label: 'Long-term residential placement',
      template: 'e) Long-term residential placement',
    },
    { code: 'long_term_fostering', label: 'Long-term fostering', template: 'f) Long-term fostering' },
    { code: 'other', label: 'Other', template: 'g) Other' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// List 8 column 24: SSDA903 PLACE_PROVIDER codes with Ofsted's wording.
export const PlacementProvider = {
  id: 'annexA.PlacementProvider',
  title: 'Placement provider',
  source: 'Annex A List 8 Placement Provider',
  reference: `${REF} 2 (List 8)`,
  codes: [
    { code: 'PR0', label: 'Parents/Parental responsibility', template: 'a) PR0: Parents/Parental responsibility' },
    { code: 'PR1', label: 'Own provision', template: 'b) PR1: Own provision' },
    { code: 'PR2', label: 'Other LA provision', template: 'c) PR2: Other LA provision' },
    { code: 'PR3', label: 'Other public provision', template: 'd) PR3: Other public provision' },
    { code: 'PR4', label: 'Private provision', template: 'e) PR4: Private provision' },
    { code: 'PR5', label: 'Voluntary/third sector', template: 'f) PR5: Voluntary/third sector' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// List 8 column 27: SSDA903 PL_LOCATION codes.
export const PlacementLocation = {
  id: 'annexA.PlacementLocation',
  title: 'Placement location',
  source: 'Annex A List 8 Placement Location',
  reference: `${REF} 2 (List 8)`,
  codes: [
    { code: 'IN', label: 'In', template: 'a) In' },
    { code: 'OUT', label: 'Out', template: 'b) Out' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// 3.8 Reason ceased (List 8 column 21): SSDA903 REC without X1, Ofsted's wording and letters
// (the template skips the letter u). Groups are those of SSDA903 REC.
const CEASED: readonly (readonly [letter: string, code: string, label: string])[] = [
  ['a', 'E11', 'Adopted – application unopposed'],
  ['b', 'E12', 'Adopted – consent dispensed'],
  ['c', 'E2', 'Died'],
  ['d', 'E3', 'Care taken by another LA'],
  ['e', 'E4A', 'Returned home – part of planning'],
  ['f', 'E4B', 'Returned home – not part of planning'],
  ['g', 'E13', 'Left care to live with parents, relatives or other with no parental responsibility'],
  ['h', 'E41', 'Residence order granted'],
  ['i', 'E45', 'Special guardianship order – former carer relative/friend'],
  ['j', 'E46', 'Special guardianship order – former carer other'],
  ['k', 'E47', 'Special guardianship order – relative/friend'],
  ['l', 'E48', 'Special guardianship order – other'],
  ['m', 'E5', 'Independent living – supported'],
  ['n', 'E6', 'Independent living – no support'],
  ['o', 'E7', 'Transferred to residential care funded by adult social services'],
  ['p', 'E9', 'Sentenced to custody'],
  ['q', 'E14', 'Accommodation on remand ended'],
  ['r', 'E15', 'Age assessment determined child was 18 or over'],
  ['s', 'E16', 'Child moved abroad'],
  ['t', 'E8', 'Care ceased for any other reason'],
  ['v', 'E17', 'Aged 18+ and remained with current carers'],
];

const SGO_CODES: readonly string[] = ['E45', 'E46', 'E47', 'E48'];

export const ReasonCeased: CodeList<AnnexAEntry & GroupedEntry<CeaseCategory>> = {
  id: 'annexA.ReasonCeased',
  title: 'Reason ceased to be looked after',
  source: 'Annex A List 8 Reason Ceased to be Looked After',
  reference: `${REF} 3.8`,
  codes: CEASED.map(([letter, code, label]) => ({
    code,
    label,
    template: `${letter}) ${code}: ${label}`,
    group: entryOf(REC, code)?.group ?? 'other',
    ...(SGO_CODES.includes(code)
      ? { note: 'the reference abbreviates the four SGO labels; check the wording against the template' }
      : {}),
  })),
};

// List 9 column 11
export const EligibilityCategory = {
  id: 'annexA.EligibilityCategory',
  title: 'Care leaver eligibility category',
  source: 'Annex A List 9 Eligibility Category',
  reference: `${REF} 2 (List 9)`,
  codes: [
    { code: 'relevant', label: 'Relevant', template: 'a) Relevant' },
    { code: 'former_relevant', label: 'Former relevant', template: 'b) Former relevant' },
    { code: 'qualifying', label: 'Qualifying', template: 'c) Qualifying' },
    { code: 'eligible', label: 'Eligible', template: 'd) Eligible' },
    { code: 'other', label: 'Other', template: 'e) Other' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// List 9 column 13: SSDA903 IN_TOUCH codes as written in the template.
export const InTouch = {
  id: 'annexA.InTouch',
  title: 'LA in touch',
  source: 'Annex A List 9 LA in Touch',
  reference: `${REF} 2 (List 9)`,
  codes: [
    { code: 'YES', label: 'Yes', template: 'a) Yes' },
    { code: 'NO', label: 'No', template: 'b) No' },
    { code: 'DIED', label: 'Died', template: 'c) Died' },
    { code: 'REFU', label: 'Refu', template: 'd) Refu' },
    { code: 'NREQ', label: 'NREQ', template: 'e) NREQ' },
    { code: 'RHOM', label: 'Rhom', template: 'f) Rhom' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// List 9 column 16: the suitability digit of SSDA903 ACCOM.
export const AccommodationSuitability = {
  id: 'annexA.AccommodationSuitability',
  title: 'Suitability of accommodation',
  source: 'Annex A List 9 Suitability of Accommodation',
  reference: `${REF} 2 (List 9)`,
  codes: [
    { code: '1', label: 'Suitable', template: 'a) Suitable' },
    { code: '2', label: 'Unsuitable', template: 'b) Unsuitable' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

// 3.11 Activity (List 9 column 17): SSDA903 ACTIV plus F3/P3 from the older template.
export const Activity: CodeList<GroupedEntry<ActivityCategory>> = {
  id: 'annexA.Activity',
  title: 'Activity status',
  source: 'Annex A List 9 Activity Status',
  reference: `${REF} 3.11`,
  codes: [
    ...ACTIV.codes.filter((e) => e.code !== '0'),
    {
      code: 'F3',
      label: 'full-time training or employment',
      group: 'eet',
      note: 'older template; replaced by F4 and F5',
    },
    {
      code: 'P3',
      label: 'part-time training or employment',
      group: 'eet',
      note: 'older template; replaced by P4 and P5',
    },
  ],
};

// List 11 column 19
export const AdopterLeavingReason = {
  id: 'annexA.AdopterLeavingReason',
  title: 'Reason for leaving adoption process',
  source: 'Annex A List 11 Reason for leaving adoption process',
  reference: `${REF} 2 (List 11)`,
  codes: [
    { code: '1', label: 'Adopter withdrew from process', template: '1 – Adopter withdrew from process' },
    { code: '2', label: 'Process put on hold', template: '2 – Process put on hold' },
    { code: '3', label: 'Application refused', template: '3 – Application refused' },
  ],
} as const satisfies CodeList<AnnexAEntry>;

/** The template value to write for `code` ("a) Male"), or undefined. */
export function annexATemplateOf(list: CodeList<AnnexAEntry>, code: string): string | undefined {
  return entryOf(list, code)?.template;
}

/**
 * Read a template value back to its code. Accepts, case-insensitively and ignoring surrounding
 * space, the full template value, the code, or the label. Other LA variants (LIIA maps many) are
 * the importer's business.
 */
export function annexACodeOf(list: CodeList<AnnexAEntry>, value: string): string | undefined {
  const v = value.trim().toLowerCase();
  const hit = list.codes.find(
    (e) => e.template.toLowerCase() === v || e.code.toLowerCase() === v || e.label.toLowerCase() === v,
  );
  return hit?.code;
}
