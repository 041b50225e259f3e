/**
 * SSDA903 (children looked after return) code lists.
 * Source: /work/shared/reference/formats-ssda903.md sections 4 and 5 (which cite the
 * data-to-insight csc-validator-be-903 rules, the LIIA SSDA903 schemas and the DfE guide as
 * quoted in the SSD specification). Years are collection end-years: 2025 = 2024/25.
 */
import type { CodeEntry, CodeList, GroupedEntry } from './code-list.js';

const REF = 'formats-ssda903.md';

// 4.1 SEX: 1/2 to 2023/24, M/F/U from 2024/25 (rule 101).
export const SEX = {
  id: '903.SEX',
  title: 'Sex',
  source: 'SSDA903 SEX',
  reference: `${REF} 4.1`,
  codes: [
    { code: '1', label: 'male', validTo: 2024 },
    { code: '2', label: 'female', validTo: 2024 },
    { code: 'M', label: 'male', validFrom: 2025 },
    { code: 'F', label: 'female', validFrom: 2025 },
    { code: 'U', label: 'unknown', validFrom: 2025, note: 'rule 232 queries U' },
  ],
} as const satisfies CodeList;

// 4.2 ETHNIC: the same 20 codes as the CIN census Ethnicity (cin-census.ts reuses these entries).
export const ETHNIC = {
  id: '903.ETHNIC',
  title: 'Ethnicity',
  source: 'SSDA903 ETHNIC',
  reference: `${REF} 4.2`,
  codes: [
    { code: 'WBRI', label: 'White British', group: 'white' },
    { code: 'WIRI', label: 'White Irish', group: 'white' },
    { code: 'WIRT', label: 'Traveller of Irish heritage', group: 'white' },
    { code: 'WOTH', label: 'Any other White background', group: 'white' },
    { code: 'WROM', label: 'Gypsy/Roma', group: 'white' },
    { code: 'MWBC', label: 'White and Black Caribbean', group: 'mixed' },
    { code: 'MWBA', label: 'White and Black African', group: 'mixed' },
    { code: 'MWAS', label: 'White and Asian', group: 'mixed' },
    { code: 'MOTH', label: 'Any other mixed background', group: 'mixed' },
    { code: 'AIND', label: 'Indian', group: 'asian' },
    { code: 'APKN', label: 'Pakistani', group: 'asian' },
    { code: 'ABAN', label: 'Bangladeshi', group: 'asian' },
    { code: 'AOTH', label: 'Any other Asian background', group: 'asian' },
    { code: 'BCRB', label: 'Caribbean', group: 'black' },
    { code: 'BAFR', label: 'African', group: 'black' },
    { code: 'BOTH', label: 'Any other Black background', group: 'black' },
    { code: 'CHNE', label: 'Chinese', group: 'other' },
    { code: 'OOTH', label: 'Any other ethnic group', group: 'other' },
    { code: 'REFU', label: 'Refused', group: 'not_stated' },
    { code: 'NOBT', label: 'Information not yet obtained', group: 'not_stated' },
  ],
} as const satisfies CodeList<GroupedEntry<EthnicGroup>>;

/**
 * Major ethnic groups (the grouping LIIA's Annex A schema and DfE publications use).
 * CHNE goes to 'other' (the DfE "Chinese or other ethnic group" heading). [our mapping]
 */
export type EthnicGroup = 'white' | 'mixed' | 'asian' | 'black' | 'other' | 'not_stated';

// 4.3 UPN: codes used in place of a UPN.
export const UPN_UNKNOWN = {
  id: '903.UPN_UNKNOWN',
  title: 'Reason no UPN',
  source: 'SSDA903 UPN',
  reference: `${REF} 4.3`,
  codes: [
    { code: 'UN1', label: 'not of school age and not yet assigned a UPN' },
    { code: 'UN2', label: 'never attended a maintained school in England (for example some UASC)' },
    { code: 'UN3', label: 'educated outside England' },
    { code: 'UN4', label: 'newly looked after and the UPN not yet known' },
    {
      code: 'UN5',
      label: 'sources disagree on name, surname or date of birth so no reliable match (for example duplicated UPNs)',
    },
  ],
} as const satisfies CodeList;

// 4.4 RNE
export const RNE = {
  id: '903.RNE',
  title: 'Reason for new episode',
  source: 'SSDA903 RNE',
  reference: `${REF} 4.4`,
  codes: [
    {
      code: 'S',
      label: 'started to be looked after (also each new V4 agreement, and V3 breaks recorded separately)',
    },
    { code: 'L', label: 'change of legal status only' },
    { code: 'P', label: 'change of placement and carer(s) only' },
    {
      code: 'T',
      label: 'change of placement but same carer(s) only (for example carer moves house, URN or provider type changes)',
    },
    { code: 'B', label: 'change of legal status and of placement and carer(s) on the same day' },
    { code: 'U', label: 'change of legal status and of placement but same carer(s) on the same day' },
  ],
} as const satisfies CodeList;

// 4.5 LS
export const LS = {
  id: '903.LS',
  title: 'Legal status',
  source: 'SSDA903 LS',
  reference: `${REF} 4.5`,
  codes: [
    { code: 'C1', label: 'interim care order' },
    { code: 'C2', label: 'full care order' },
    {
      code: 'D1',
      label: 'freeing order granted',
      note: 'not valid for episodes starting after December 2005 (rule 445)',
    },
    { code: 'E1', label: 'placement order granted', note: 'not valid before December 2005 (rule 446)' },
    { code: 'V2', label: 'single period of accommodation under section 20' },
    { code: 'V3', label: 'short-term breaks, individual episodes recorded' },
    { code: 'V4', label: 'short-term breaks, agreement recorded' },
    { code: 'L1', label: 'under police protection and in LA accommodation', note: 'maximum 72 hours (rule 361)' },
    { code: 'L2', label: 'emergency protection order (EPO)', note: 'maximum 21 days (rule 362)' },
    { code: 'L3', label: 'child assessment order, in LA accommodation', note: 'maximum 7 days (rule 363)' },
    { code: 'J1', label: 'remanded to LA accommodation or youth detention accommodation' },
    { code: 'J2', label: 'placed in LA accommodation under PACE' },
    { code: 'J3', label: 'youth rehabilitation order with residence or intensive fostering requirement' },
  ],
} as const satisfies CodeList;

// 4.6 CIN: category of need (903 allows N1 to N8 only).
export const CIN = {
  id: '903.CIN',
  title: 'Category of need',
  source: 'SSDA903 CIN',
  reference: `${REF} 4.6`,
  codes: [
    { code: 'N1', label: 'abuse or neglect' },
    { code: 'N2', label: "child's disability" },
    { code: 'N3', label: 'parental illness or disability' },
    { code: 'N4', label: 'family in acute stress' },
    { code: 'N5', label: 'family dysfunction' },
    { code: 'N6', label: 'socially unacceptable behaviour' },
    { code: 'N7', label: 'low income' },
    { code: 'N8', label: 'absent parenting' },
  ],
} as const satisfies CodeList;

/**
 * Placement category used by demand models (demand-modelling.md 3.2, "regional" mapping, with
 * fostering split into kinship U1-U3 and other foster carers U4-U6). The in-house / IFA split of
 * 'foster' comes from PLACE_PROVIDER (group 'in_house' vs 'external').
 */
export type PlacementCategory =
  | 'foster'
  | 'kinship'
  | 'residential'
  | 'supported'
  | 'with_parents'
  | 'adoption'
  | 'other';

// 4.7 PLACE. Year changes from section 5.
export const PLACE = {
  id: '903.PLACE',
  title: 'Placement type',
  source: 'SSDA903 PLACE',
  reference: `${REF} 4.7, 5`,
  codes: [
    {
      code: 'A3',
      label: 'placed for adoption with parental consent, with current foster carer(s)',
      group: 'adoption',
    },
    {
      code: 'A4',
      label: 'placed for adoption with parental consent, not with current foster carer(s)',
      group: 'adoption',
    },
    {
      code: 'A5',
      label: 'placed for adoption with placement order, with current foster carer(s)',
      group: 'adoption',
    },
    {
      code: 'A6',
      label: 'placed for adoption with placement order, not with current foster carer(s)',
      group: 'adoption',
    },
    {
      code: 'H5',
      label: "semi-independent living accommodation not subject to children's homes regulations",
      group: 'supported',
      validTo: 2024,
      note:
        'Replaced by K3 from 2024/25. Needs a URN from 28 October 2023 (rule 230). The LIIA 2025 schema drops ' +
        "H5; the reference validator's 2024/25 list still accepts it and its 2025/26 list does not.",
    },
    { code: 'K1', label: "secure children's home", group: 'residential' },
    { code: 'K2', label: "children's home subject to children's homes regulations", group: 'residential' },
    {
      code: 'K3',
      label: 'supported accommodation',
      group: 'supported',
      validFrom: 2025,
      note: 'Replaces H5. Meaning inferred from rule 371 and the H5 to K3 continuity allowance; confirm wording in the DfE guide.',
    },
    {
      code: 'P1',
      label: 'placed with own parent(s) or other person(s) with parental responsibility',
      group: 'with_parents',
    },
    {
      code: 'P2',
      label: 'independent living (flat, lodgings, bedsit, B&B, with friends)',
      group: 'supported',
      validTo: 2024,
      note:
        'Not valid from 28 October 2023 (rule 217t): check episode dates within 2023/24. The LIIA 2025 schema ' +
        "drops P2; the reference validator's 2024/25 list still accepts it and its 2025/26 list does not.",
    },
    { code: 'P3', label: 'residential employment', group: 'residential' },
    { code: 'R1', label: 'residential care home', group: 'residential' },
    {
      code: 'R2',
      label: 'NHS / health trust or other establishment providing medical or nursing care',
      group: 'other',
    },
    { code: 'R3', label: 'family centre or mother and baby unit', group: 'other' },
    { code: 'R5', label: 'young offender institution (YOI) or prison', group: 'other' },
    {
      code: 'S1',
      label: "residential school (except where dual-registered as a school and children's home)",
      group: 'residential',
    },
    { code: 'T0', label: 'all types of temporary move', group: 'other' },
    { code: 'T1', label: 'temporary period in hospital', group: 'other' },
    { code: 'T2', label: 'temporary absence of the child on holiday', group: 'other' },
    { code: 'T3', label: 'temporary accommodation while normal foster carer(s) on holiday', group: 'other' },
    {
      code: 'T4',
      label: 'temporary accommodation of seven days or less, for any reason not covered by T1 to T3',
      group: 'other',
    },
    { code: 'U1', label: 'foster placement with relative or friend: long-term fostering', group: 'kinship' },
    {
      code: 'U2',
      label:
        'foster placement with relative or friend who is also an approved adopter: fostering for adoption (FFA) / concurrent planning',
      group: 'kinship',
    },
    { code: 'U3', label: 'foster placement with relative or friend: not long-term or FFA', group: 'kinship' },
    { code: 'U4', label: 'foster placement with other foster carer: long-term fostering', group: 'foster' },
    {
      code: 'U5',
      label: 'foster placement with other foster carer who is also an approved adopter: FFA / concurrent planning',
      group: 'foster',
    },
    { code: 'U6', label: 'foster placement with other foster carer: not long-term or FFA', group: 'foster' },
    {
      code: 'Z1',
      label: 'other placements (listed on a schedule sent to the DfE)',
      group: 'other',
      validTo: 2025,
      note: 'Replaced by Z11-Z14 from 2025/26; the LIIA 2026 schema keeps Z1 for older episodes.',
    },
    ...(['Z11', 'Z12', 'Z13', 'Z14'] as const).map((code) => ({
      code,
      label: 'other placements (replaces Z1; meaning not determined from the sources)',
      group: 'other' as const,
      validFrom: 2026,
      note:
        'Take the wording from the DfE 2025/26 guide. Rule 709 expects a child under a DoLO to be in K2, Z12 or Z13, ' +
        'which suggests Z12 and Z13 cover settings used for deprivation of liberty.',
    })),
  ],
} as const satisfies CodeList<GroupedEntry<PlacementCategory>>;

/** Provider category: in-house = PR1-PR3, external = PR4-PR5 (demand-modelling.md cost sub-types). */
export type ProviderCategory = 'parents' | 'in_house' | 'external';

// 4.8 PLACE_PROVIDER
export const PLACE_PROVIDER = {
  id: '903.PLACE_PROVIDER',
  title: 'Placement provider',
  source: 'SSDA903 PLACE_PROVIDER',
  reference: `${REF} 4.8`,
  codes: [
    {
      code: 'PR0',
      label: 'parent(s) or other person(s) with parental responsibility',
      group: 'parents',
      note: 'only with P1 (rule 550)',
    },
    {
      code: 'PR1',
      label: 'own provision by the LA, including a regional adoption agency hosted by the LA',
      group: 'in_house',
    },
    {
      code: 'PR2',
      label: 'other LA provision, including a regional adoption agency hosted by another LA',
      group: 'in_house',
    },
    { code: 'PR3', label: 'other public provision (for example an NHS body)', group: 'in_house' },
    { code: 'PR4', label: 'private provision', group: 'external' },
    { code: 'PR5', label: 'voluntary / third sector provision', group: 'external' },
  ],
} as const satisfies CodeList<GroupedEntry<ProviderCategory>>;

/**
 * Why an episode ceased, grouped for analysis. 'not_ceased' is X1 (the child stays looked after).
 * E13 (left to live with relatives or others without parental responsibility) counts as
 * 'returned_home'; E7 (adult social care) as 'independence_18plus'; E15 (age assessment) as 'other'.
 */
export type CeaseCategory =
  | 'not_ceased'
  | 'adopted'
  | 'sgo'
  | 'cao'
  | 'returned_home'
  | 'independence_18plus'
  | 'other';

// 4.9 REC
export const REC = {
  id: '903.REC',
  title: 'Reason episode ceased',
  source: 'SSDA903 REC',
  reference: `${REF} 4.9`,
  codes: [
    {
      code: 'X1',
      label: 'episode ends and a new one begins the same day (child stays looked after)',
      group: 'not_ceased',
    },
    { code: 'E11', label: 'adopted: application for an adoption order unopposed', group: 'adopted' },
    { code: 'E12', label: 'adopted: consent dispensed with by the court', group: 'adopted' },
    { code: 'E2', label: 'died', group: 'other' },
    { code: 'E3', label: 'care taken over by another LA in the UK', group: 'other' },
    {
      code: 'E4A',
      label: 'returned home to parents, relatives or others with parental responsibility, as part of care planning',
      group: 'returned_home',
    },
    { code: 'E4B', label: 'returned home, not as part of care planning', group: 'returned_home' },
    {
      code: 'E13',
      label: 'left care to live with parents, relatives or others with no parental responsibility',
      group: 'returned_home',
    },
    { code: 'E41', label: 'residence order / child arrangements order granted', group: 'cao' },
    {
      code: 'E45',
      label: 'special guardianship order (SGO) to former foster carer(s) who are relatives or friends',
      group: 'sgo',
    },
    { code: 'E46', label: 'SGO to former foster carer(s) who are not relatives or friends', group: 'sgo' },
    {
      code: 'E47',
      label: 'SGO to carer(s) other than former foster carers, who are relatives or friends',
      group: 'sgo',
    },
    { code: 'E48', label: 'SGO to carer(s) other than former foster carers, not relatives or friends', group: 'sgo' },
    {
      code: 'E5',
      label: 'moved into independent living with supportive accommodation',
      group: 'independence_18plus',
    },
    { code: 'E6', label: 'moved into independent living without formal support', group: 'independence_18plus' },
    {
      code: 'E7',
      label: 'transferred to residential care funded by adult social care',
      group: 'independence_18plus',
    },
    { code: 'E9', label: 'sentenced to custody', group: 'other' },
    { code: 'E14', label: 'accommodation on remand ended', group: 'other' },
    {
      code: 'E15',
      label: 'age assessment found the child to be 18 or over (and E5, E6, E7 do not apply)',
      group: 'other',
    },
    { code: 'E16', label: 'child moved abroad', group: 'other' },
    {
      code: 'E17',
      label: 'aged 18 or over and remained with current carers (including staying put)',
      group: 'independence_18plus',
    },
    {
      code: 'E8',
      label: 'ceased for any other reason (never just because the child turned 18)',
      group: 'other',
    },
  ],
} as const satisfies CodeList<GroupedEntry<CeaseCategory>>;

// 4.10 REASON_PLACE_CHANGE
export const REASON_PLACE_CHANGE = {
  id: '903.REASON_PLACE_CHANGE',
  title: 'Reason for placement change',
  source: 'SSDA903 REASON_PLACE_CHANGE',
  reference: `${REF} 4.10`,
  codes: [
    { code: 'CARPL', label: 'change to, or implementation of, the care plan' },
    { code: 'CLOSE', label: 'resignation of the carer or closure of the provision (planned)' },
    { code: 'ALLEG', label: 'allegation under section 47' },
    { code: 'STAND', label: 'standards-of-care concern' },
    { code: 'APPRR', label: 'approval removed (setting no longer approved or registered)' },
    { code: 'CREQB', label: "carer requests end because of the child's behaviour" },
    { code: 'CREQO', label: 'carer requests end for other reasons' },
    { code: 'CHILD', label: 'child requests placement end' },
    { code: 'LAREQ', label: 'responsible or area authority requests placement end' },
    { code: 'PLACE', label: 'change in the status of the placement only (same carer, same care plan)' },
    { code: 'CUSTOD', label: 'custody arrangement', note: 'not for children under 10 (rule 234, from 2025/26)' },
    { code: 'OTHER', label: 'other (exceptional)' },
  ],
} as const satisfies CodeList;

// 4.11 REVIEW_CODE
export const REVIEW_CODE = {
  id: '903.REVIEW_CODE',
  title: 'Participation in the review',
  source: 'SSDA903 REVIEW_CODE',
  reference: `${REF} 4.11`,
  codes: [
    { code: 'PN0', label: 'child aged under 4 at the review' },
    { code: 'PN1', label: 'attends and speaks for themselves' },
    { code: 'PN2', label: 'attends and an advocate speaks for them' },
    { code: 'PN3', label: 'attends and conveys views non-verbally' },
    { code: 'PN4', label: 'attends but does not contribute' },
    { code: 'PN5', label: 'does not attend, briefs an advocate or the IRO' },
    { code: 'PN6', label: 'does not attend, conveys views by another medium (text, written, phone, audio/video)' },
    { code: 'PN7', label: 'does not attend and views not conveyed' },
  ],
} as const satisfies CodeList;

// 4.12 SDQ_REASON
export const SDQ_REASON = {
  id: '903.SDQ_REASON',
  title: 'Reason no SDQ score',
  source: 'SSDA903 SDQ_REASON',
  reference: `${REF} 4.12`,
  codes: [
    { code: 'SDQ1', label: 'no form returned: child under 4 or over 16 at the latest assessment' },
    { code: 'SDQ2', label: 'carer(s) refused to complete and return the questionnaire' },
    { code: 'SDQ3', label: "not possible because of the severity of the child's disability" },
    { code: 'SDQ4', label: 'other' },
    { code: 'SDQ5', label: 'child or young person refused to allow an SDQ to be completed' },
  ],
} as const satisfies CodeList;

// 4.13 IN_TOUCH
export const IN_TOUCH = {
  id: '903.IN_TOUCH',
  title: 'LA in touch with care leaver',
  source: 'SSDA903 IN_TOUCH',
  reference: `${REF} 4.13`,
  codes: [
    { code: 'YES', label: 'in touch' },
    { code: 'NO', label: 'not in touch' },
    { code: 'DIED', label: 'died since leaving care' },
    { code: 'REFU', label: 'young person refuses contact' },
    { code: 'NREQ', label: 'young person no longer requires services' },
    {
      code: 'RHOM',
      label: 'returned home to parents or someone with parental responsibility for 6 months or more',
    },
  ],
} as const satisfies CodeList;

/** Activity grouped for the EET indicator (indicators.md CL-03). */
export type ActivityCategory = 'eet' | 'neet' | 'no_information';

// 4.14 ACTIV
export const ACTIV = {
  id: '903.ACTIV',
  title: 'Main activity of care leaver',
  source: 'SSDA903 ACTIV',
  reference: `${REF} 4.14`,
  codes: [
    { code: 'F1', label: 'full-time in higher education', group: 'eet' },
    { code: 'P1', label: 'part-time in higher education', group: 'eet' },
    { code: 'F2', label: 'full-time in education other than higher education', group: 'eet' },
    { code: 'P2', label: 'part-time in education other than higher education', group: 'eet' },
    { code: 'F4', label: 'full-time apprenticeship', group: 'eet' },
    { code: 'P4', label: 'part-time apprenticeship', group: 'eet' },
    { code: 'F5', label: 'full-time training or employment (not apprenticeship)', group: 'eet' },
    { code: 'P5', label: 'part-time training or employment (not apprenticeship)', group: 'eet' },
    { code: 'G4', label: 'not in education, employment or training (NEET): illness or disability', group: 'neet' },
    { code: 'G5', label: 'NEET: other circumstances', group: 'neet' },
    { code: 'G6', label: 'NEET: pregnancy or parenting', group: 'neet' },
    {
      code: '0',
      label: 'no information (for example not in touch)',
      group: 'no_information',
      note: '[domain] not confirmed in the sources',
    },
  ],
} as const satisfies CodeList<GroupedEntry<ActivityCategory>>;

// 4.15 ACCOM: a type letter plus a suitability digit, or '0'.
export const ACCOM_TYPE = {
  id: '903.ACCOM_TYPE',
  title: 'Care leaver accommodation type',
  source: 'SSDA903 ACCOM (first character)',
  reference: `${REF} 4.15`,
  codes: [
    { code: 'B', label: 'with parent(s) or relative(s)' },
    { code: 'C', label: 'community home or other residential care (including NHS)' },
    { code: 'D', label: 'semi-independent, transitional or supported self-contained accommodation' },
    { code: 'E', label: 'supported lodgings' },
    { code: 'G', label: 'gone abroad' },
    { code: 'H', label: 'deported' },
    { code: 'K', label: 'ordinary lodgings without formal support' },
    { code: 'R', label: 'residence not known' },
    { code: 'S', label: 'no fixed abode / homeless' },
    { code: 'T', label: 'foyer or similar supported accommodation', note: 'not for care leavers under 18 (rule 347)' },
    { code: 'U', label: 'independent living (tenancy, flat, student accommodation)' },
    { code: 'V', label: 'emergency accommodation' },
    { code: 'W', label: 'bed and breakfast' },
    { code: 'X', label: 'in custody' },
    { code: 'Y', label: 'other accommodation' },
    { code: 'Z', label: 'with former foster carer(s) (not for 17-year-olds)' },
  ],
} as const satisfies CodeList;

export const ACCOM_SUITABILITY = {
  id: '903.ACCOM_SUITABILITY',
  title: 'Care leaver accommodation suitability',
  source: 'SSDA903 ACCOM (second character)',
  reference: `${REF} 4.15`,
  codes: [
    { code: '1', label: 'suitable' },
    { code: '2', label: 'unsuitable' },
  ],
} as const satisfies CodeList;

export type AccommodationSuitability = 'suitable' | 'unsuitable' | 'no_information';

/** Combinations the reference validator rejects (rule 133); the LIIA 2024 schema lists them. */
const ACCOM_NOT_ALLOWED: readonly string[] = ['S1', 'X1'];

// Full ACCOM values, derived from the two lists above (rule 133's list).
export const ACCOM: CodeList<GroupedEntry<AccommodationSuitability>> = {
  id: '903.ACCOM',
  title: 'Care leaver accommodation type and suitability',
  source: 'SSDA903 ACCOM',
  reference: `${REF} 4.15`,
  codes: [
    ...ACCOM_TYPE.codes.flatMap((type) =>
      ACCOM_SUITABILITY.codes
        .map((s) => ({
          code: `${type.code}${s.code}`,
          label: `${type.label}: ${s.label}`,
          group: s.label,
        }))
        .filter((e) => !ACCOM_NOT_ALLOWED.includes(e.code)),
    ),
    {
      code: '0',
      label: 'no information',
      group: 'no_information',
      note: '[domain] not confirmed in the sources',
    },
  ],
};

// 4.16 SEX_ADOPTR
export const SEX_ADOPTR = {
  id: '903.SEX_ADOPTR',
  title: 'Sex of adopter(s)',
  source: 'SSDA903 SEX_ADOPTR',
  reference: `${REF} 4.16`,
  codes: [
    { code: 'M1', label: 'single male' },
    { code: 'F1', label: 'single female' },
    { code: 'MM', label: 'male couple' },
    { code: 'FF', label: 'female couple' },
    { code: 'MF', label: 'male/female couple' },
  ],
} as const satisfies CodeList;

// 4.17 LS_ADOPTR
export const LS_ADOPTR = {
  id: '903.LS_ADOPTR',
  title: 'Legal status of adopter(s)',
  source: 'SSDA903 LS_ADOPTR',
  reference: `${REF} 4.17`,
  codes: [
    { code: 'L0', label: 'single adopter' },
    { code: 'L11', label: 'different-gender married couple', note: 'rule 520: must be MF' },
    { code: 'L12', label: 'same-gender married couple', note: 'rule 524: MM or FF' },
    { code: 'L2', label: 'civil partnership couple', note: 'rule 519: must be a couple' },
    { code: 'L3', label: 'different-gender unmarried couple', note: 'rule 517: MF' },
    { code: 'L4', label: 'same-gender couple not married or in a civil partnership', note: 'rule 518: MM or FF' },
  ],
} as const satisfies CodeList;

// 4.18 REASON_PLACED_CEASED
export const REASON_PLACED_CEASED = {
  id: '903.REASON_PLACED_CEASED',
  title: 'Reason no longer to be placed for adoption',
  source: 'SSDA903 REASON_PLACED_CEASED',
  reference: `${REF} 4.18`,
  codes: [
    { code: 'RD1', label: "the child's needs changed after the decision" },
    { code: 'RD2', label: 'the court did not make a placement order' },
    { code: 'RD3', label: 'prospective adopters could not be found' },
    { code: 'RD4', label: 'any other reason' },
  ],
} as const satisfies CodeList;

// 4.19 PREV_PERM
export const PREV_PERM = {
  id: '903.PREV_PERM',
  title: 'Previous permanence option',
  source: 'SSDA903 PREV_PERM',
  reference: `${REF} 4.19`,
  codes: [
    { code: 'P1', label: 'adoption' },
    { code: 'P2', label: 'special guardianship order' },
    { code: 'P3', label: 'residence order or child arrangements order naming with whom the child lives' },
    { code: 'P4', label: 'unknown' },
    { code: 'Z1', label: 'no previous permanence option' },
  ],
} as const satisfies CodeList;

// 4.20 MISSING
export const MISSING = {
  id: '903.MISSING',
  title: 'Missing or away from placement',
  source: 'SSDA903 MISSING',
  reference: `${REF} 4.20`,
  codes: [
    { code: 'M', label: 'missing: not at the placement or where expected, and whereabouts not known' },
    {
      code: 'A',
      label:
        'away from placement without authorisation: whereabouts known, not where expected, and the carer is concerned or the incident was notified',
    },
  ],
} as const satisfies CodeList;

// 4.21 SW_REASON (SWEpisodes table, from 2023/24)
export const SW_REASON = {
  id: '903.SW_REASON',
  title: 'Reason for change of social worker',
  source: 'SSDA903 SW_REASON',
  reference: `${REF} 4.21, 5`,
  validFrom: 2024,
  codes: [
    { code: 'MANAGE', label: 'managing caseloads' },
    { code: 'FCONTA', label: 'first contact or re-referral' },
    { code: 'LEFTRL', label: 'previous social worker left the role' },
    { code: 'ORGRST', label: 'new social worker after organisational restructure' },
    { code: 'TSPROC', label: 'new social worker after transfer under standard process' },
    { code: 'ABSENC', label: 'absence cover or return from absence' },
    { code: 'CHCHAN', label: 'child requested a change' },
    {
      code: 'PCCHAN',
      label: 'parent or carer requested a change',
      note: 'the LIIA 2024 schema spells it "PCCHAN " with a trailing space',
    },
    { code: 'SWDIED', label: 'previous social worker died' },
    { code: 'OTHERS', label: 'other reason' },
  ],
} as const satisfies CodeList;

// 4.22 Other small lists
export const FLAG = {
  id: '903.FLAG',
  title: 'Yes/no flag',
  source: 'SSDA903 MOTHER, FOSTER_CARE, UASC (XML) and OC2 items',
  reference: `${REF} 4.22`,
  codes: [
    { code: '0', label: 'no' },
    { code: '1', label: 'yes' },
  ],
} as const satisfies CodeList;

export const NB_ADOPTR = {
  id: '903.NB_ADOPTR',
  title: 'Number of adopters',
  source: 'SSDA903 NB_ADOPTR',
  reference: `${REF} 3.7, 4.22`,
  codes: [
    { code: '1', label: 'one adopter' },
    { code: '2', label: 'two adopters' },
  ],
} as const satisfies CodeList;

export const PL_LOCATION = {
  id: '903.PL_LOCATION',
  title: 'Placement location (derived)',
  source: 'SSDA903 PL_LOCATION',
  reference: `${REF} 2.4, 4.22`,
  codes: [
    { code: 'IN', label: 'in the responsible LA' },
    { code: 'OUT', label: 'outside the responsible LA' },
  ],
} as const satisfies CodeList;

/** Non-English values of LA_PERM (besides the 3-digit DfE LA codes, which are not listed here). */
export const LA_OUTSIDE_ENGLAND = {
  id: '903.LA_OUTSIDE_ENGLAND',
  title: 'Authority outside England',
  source: 'SSDA903 LA_PERM',
  reference: `${REF} 3.9, 4.22`,
  codes: [
    { code: 'WAL', label: 'Wales' },
    { code: 'SCO', label: 'Scotland' },
    { code: 'NIR', label: 'Northern Ireland' },
    { code: 'NUK', label: 'outside the UK' },
  ],
} as const satisfies CodeList;

/** Non-LA values of the derived PL_LA (rule 218): the above plus CON. */
export const PL_LA_SPECIAL: CodeList = {
  id: '903.PL_LA_SPECIAL',
  title: 'Placement authority outside England or confidential',
  source: 'SSDA903 PL_LA',
  reference: `${REF} 2.4`,
  codes: [...LA_OUTSIDE_ENGLAND.codes, { code: 'CON', label: 'confidential' } satisfies CodeEntry],
};
