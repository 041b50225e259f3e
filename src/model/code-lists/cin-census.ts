/**
 * CIN census code lists.
 * Source: /work/shared/reference/formats-cin-census.md sections 4 and 6 (which cite the DfE CIN
 * census XSDs as copied in LIIA's liia-tools and liia-tools-pipeline, the data-to-insight
 * csc-validator-be-cin rules, and DfE guidance quoted in the SSD specification).
 * Years are census end-years: 2025 = the 2024/25 census (ReferenceDate 2025-03-31).
 */
import type { CodeList, GroupedEntry } from './code-list.js';
import { ETHNIC } from './ssda903.js';

const REF = 'formats-cin-census.md';

/** The eleven groups in which the DfE publishes referrals by source. */
export type ReferralSourceGroup =
  | 'individual'
  | 'schools'
  | 'education_services'
  | 'health_services'
  | 'housing'
  | 'la_services'
  | 'police'
  | 'other_legal_agency'
  | 'other'
  | 'anonymous'
  | 'unknown';

// 4.1 ReferralSource
export const ReferralSource = {
  id: 'cin.ReferralSource',
  title: 'Referral source',
  source: 'CIN census ReferralSource',
  reference: `${REF} 4.1`,
  codes: [
    { code: '1A', label: 'individual: family member, relative or carer', group: 'individual' },
    { code: '1B', label: 'individual: acquaintance (including neighbours and child minders)', group: 'individual' },
    { code: '1C', label: 'individual: self', group: 'individual' },
    { code: '1D', label: 'individual: other (including strangers)', group: 'individual' },
    { code: '2A', label: 'schools', group: 'schools' },
    { code: '2B', label: 'education services', group: 'education_services' },
    { code: '3A', label: 'health services: general practitioner (GP)', group: 'health_services' },
    { code: '3B', label: 'health services: health visitor', group: 'health_services' },
    { code: '3C', label: 'health services: school nurse', group: 'health_services' },
    { code: '3D', label: 'health services: other primary health services', group: 'health_services' },
    { code: '3E', label: 'health services: A&E', group: 'health_services' },
    { code: '3F', label: 'health services: other (for example hospice)', group: 'health_services' },
    { code: '4', label: 'housing: LA housing or housing association', group: 'housing' },
    { code: '5A', label: 'LA services: social care (for example adult social care)', group: 'la_services' },
    {
      code: '5B',
      label: 'LA services: other internal (other departments, for example youth offending; excluding housing)',
      group: 'la_services',
    },
    {
      code: '5C',
      label: "LA services: external (for example another LA's adult social care)",
      group: 'la_services',
    },
    { code: '5D', label: 'LA services: early help', group: 'la_services', validFrom: 2023 },
    { code: '6', label: 'police', group: 'police' },
    {
      code: '7',
      label: 'other legal agency (courts, probation, immigration, CAFCASS, prison)',
      group: 'other_legal_agency',
    },
    {
      code: '8',
      label: "other (children's centres, independent agency providers, voluntary organisations)",
      group: 'other',
    },
    { code: '9', label: 'anonymous', group: 'anonymous' },
    { code: '10', label: 'unknown', group: 'unknown' },
  ],
} as const satisfies CodeList<GroupedEntry<ReferralSourceGroup>>;

// 4.2 PrimaryNeedCode (N0 and N9 are CIN-only; SSDA903 CIN uses N1-N8).
export const PrimaryNeedCode = {
  id: 'cin.PrimaryNeedCode',
  title: 'Primary need',
  source: 'CIN census PrimaryNeedCode',
  reference: `${REF} 4.2`,
  codes: [
    {
      code: 'N1',
      label: 'abuse or neglect',
      note: 'relabelled "abuse, neglect and exploitation" in the 2025/26 schema copy',
    },
    { code: 'N2', label: "child's disability" },
    { code: 'N3', label: 'parental disability or illness' },
    { code: 'N4', label: 'family in acute stress' },
    { code: 'N5', label: 'family dysfunction' },
    { code: 'N6', label: 'socially unacceptable behaviour' },
    { code: 'N7', label: 'low income' },
    { code: 'N8', label: 'absent parenting' },
    { code: 'N9', label: 'cases other than children in need' },
    { code: 'N0', label: 'not stated' },
  ],
} as const satisfies CodeList;

// 4.3 ReasonForClosure
export const ReasonForClosure = {
  id: 'cin.ReasonForClosure',
  title: 'Reason for closure',
  source: 'CIN census ReasonForClosure',
  reference: `${REF} 4.3`,
  codes: [
    { code: 'RC1', label: 'adopted' },
    { code: 'RC2', label: 'died', note: '8585Q queries RC2 without a date of death' },
    { code: 'RC3', label: 'child arrangements order' },
    { code: 'RC4', label: 'special guardianship order' },
    { code: 'RC5', label: 'transferred to services of another LA' },
    { code: 'RC6', label: 'transferred to adult social care services' },
    { code: 'RC7', label: 'services ceased for any other reason, including child no longer in need' },
    { code: 'RC8', label: 'case closed after assessment, no further action' },
    { code: 'RC9', label: 'case closed after assessment, referred to early help', validFrom: 2023 },
  ],
} as const satisfies CodeList;

// 4.4 AssessmentFactors. Suffix A = the child, B = parent(s) or carer(s), C = another person in
// the household. The group is the factor, shared by its A/B/C variants.
const WHO = {
  A: 'the child',
  B: 'parent(s) or carer(s)',
  C: 'another person in the household',
} as const;

function byPerson(n: number, label: string, group: string): GroupedEntry<string>[] {
  return (['A', 'B', 'C'] as const).map((who) => ({ code: `${n}${who}`, label: `${label}: ${WHO[who]}`, group }));
}

export const AssessmentFactors: CodeList<GroupedEntry<string>> = {
  id: 'cin.AssessmentFactors',
  title: 'Factor identified at assessment',
  source: 'CIN census AssessmentFactors',
  reference: `${REF} 4.4, 6`,
  codes: [
    ...byPerson(1, 'alcohol misuse', 'alcohol_misuse'),
    ...byPerson(2, 'drug misuse', 'drug_misuse'),
    ...byPerson(3, 'domestic violence (subject of)', 'domestic_violence'),
    ...byPerson(4, 'mental health', 'mental_health'),
    ...byPerson(5, 'learning disability', 'learning_disability'),
    ...byPerson(6, 'physical disability or illness', 'physical_disability_or_illness'),
    { code: '7A', label: 'young carer', group: 'young_carer' },
    { code: '8B', label: 'privately fostered: overseas child intending to return', group: 'private_fostering' },
    { code: '8C', label: 'privately fostered: overseas child intending to stay', group: 'private_fostering' },
    { code: '8D', label: 'privately fostered: UK child in educational placement', group: 'private_fostering' },
    {
      code: '8E',
      label: 'privately fostered: UK child in alternative family arrangement',
      group: 'private_fostering',
    },
    { code: '8F', label: 'privately fostered: other', group: 'private_fostering' },
    { code: '9A', label: 'unaccompanied asylum-seeking child (UASC)', group: 'uasc' },
    { code: '10A', label: 'going or being missing', group: 'missing' },
    { code: '11A', label: 'child sexual exploitation', group: 'child_sexual_exploitation' },
    { code: '12A', label: 'trafficking', group: 'trafficking' },
    { code: '13A', label: 'gangs', group: 'gangs' },
    { code: '14A', label: 'socially unacceptable behaviour', group: 'socially_unacceptable_behaviour' },
    { code: '15A', label: 'self-harm', group: 'self_harm' },
    { code: '16A', label: 'abuse or neglect: neglect', group: 'neglect' },
    { code: '17A', label: 'abuse or neglect: emotional abuse', group: 'emotional_abuse' },
    {
      code: '18A',
      label: 'physical abuse',
      group: 'physical_abuse',
      validTo: 2020,
      note: 'replaced by 18B/18C from 2020/21; queried from 2024/25 (8945Q); LIIA schema copies keep it',
    },
    { code: '18B', label: 'physical abuse, child on child', group: 'physical_abuse', validFrom: 2021 },
    { code: '18C', label: 'physical abuse, adult on child', group: 'physical_abuse', validFrom: 2021 },
    {
      code: '19A',
      label: 'sexual abuse',
      group: 'sexual_abuse',
      validTo: 2020,
      note: 'replaced by 19B/19C from 2020/21; queried from 2024/25 (8950Q); LIIA schema copies keep it',
    },
    { code: '19B', label: 'sexual abuse, child on child', group: 'sexual_abuse', validFrom: 2021 },
    { code: '19C', label: 'sexual abuse, adult on child', group: 'sexual_abuse', validFrom: 2021 },
    { code: '20', label: 'other', group: 'other' },
    {
      code: '21',
      label: 'no factors identified',
      group: 'none',
      note: 'only when no other factor applies and no further action (8869)',
    },
    { code: '22A', label: 'female genital mutilation (FGM)', group: 'fgm' },
    { code: '23A', label: 'abuse linked to faith or belief', group: 'faith_or_belief' },
    { code: '24A', label: 'child criminal exploitation', group: 'child_criminal_exploitation', validFrom: 2022 },
  ],
};

// 4.5 Category of abuse (InitialCategoryOfAbuse, LatestCategoryOfAbuse)
export const CategoryOfAbuse = {
  id: 'cin.CategoryOfAbuse',
  title: 'Category of abuse',
  source: 'CIN census InitialCategoryOfAbuse / LatestCategoryOfAbuse',
  reference: `${REF} 4.5`,
  codes: [
    { code: 'NEG', label: 'neglect' },
    { code: 'PHY', label: 'physical abuse' },
    { code: 'SAB', label: 'sexual abuse' },
    { code: 'EMO', label: 'emotional abuse' },
    { code: 'MUL', label: 'multiple / not recommended' },
  ],
} as const satisfies CodeList;

// 4.6 Disability
export const Disability = {
  id: 'cin.Disability',
  title: 'Disability',
  source: 'CIN census Disability',
  reference: `${REF} 4.6`,
  codes: [
    { code: 'NONE', label: 'no disability', note: 'cannot be combined with other codes (8790)' },
    { code: 'MOB', label: 'mobility' },
    { code: 'HAND', label: 'hand function' },
    { code: 'PC', label: 'personal care' },
    { code: 'INC', label: 'incontinence' },
    { code: 'COMM', label: 'communication' },
    { code: 'LD', label: 'learning' },
    { code: 'HEAR', label: 'hearing' },
    { code: 'VIS', label: 'vision' },
    { code: 'BEH', label: 'behaviour (includes ADHD)' },
    { code: 'CON', label: 'consciousness (seizures)' },
    { code: 'AUT', label: 'diagnosed autism or Asperger syndrome' },
    { code: 'DDA', label: 'other disability under the Disability Discrimination Act' },
  ],
} as const satisfies CodeList;

// 4.7 Ethnicity: the same 20 codes as SSDA903 ETHNIC (rule 4220), so the entries are shared.
export const Ethnicity = {
  id: 'cin.Ethnicity',
  title: 'Ethnicity',
  source: 'CIN census Ethnicity',
  reference: `${REF} 4.7`,
  codes: ETHNIC.codes,
} as const satisfies CodeList;

// 4.8 GenderCurrent (to 2023/24) and Sex (from 2024/25, same position in the XML).
export const GenderCurrent = {
  id: 'cin.GenderCurrent',
  title: 'Gender (current)',
  source: 'CIN census GenderCurrent',
  reference: `${REF} 4.8, 6`,
  validTo: 2024,
  codes: [
    { code: '1', label: 'male' },
    { code: '2', label: 'female' },
    { code: '0', label: 'not recorded, or unborn' },
    { code: '9', label: 'indeterminate' },
  ],
} as const satisfies CodeList;

export const Sex = {
  id: 'cin.Sex',
  title: 'Sex',
  source: 'CIN census Sex',
  reference: `${REF} 4.8, 6`,
  validFrom: 2025,
  codes: [
    { code: 'M', label: 'male' },
    { code: 'F', label: 'female' },
    { code: 'U', label: 'unknown', note: 'required for unborn children (8750)' },
  ],
} as const satisfies CodeList;

// 4.9 UPNunknown
const DOMAIN = '[domain] wording not confirmed in the sources; check the DfE CIN guide';
export const UPNunknown = {
  id: 'cin.UPNunknown',
  title: 'Reason no UPN',
  source: 'CIN census UPNunknown',
  reference: `${REF} 4.9`,
  codes: [
    { code: 'UN1', label: 'not of school age and not yet assigned a UPN', note: DOMAIN },
    { code: 'UN2', label: 'never attended a state-funded school in England', note: DOMAIN },
    { code: 'UN3', label: 'educated outside England', note: DOMAIN },
    { code: 'UN4', label: 'new to the LA and UPN not yet known', note: DOMAIN },
    { code: 'UN5', label: 'sources disagree on name or date of birth, so no reliable match', note: DOMAIN },
    { code: 'UN6', label: 'unborn child', note: DOMAIN },
    {
      code: 'UN7',
      label: 'referral with no further action',
      note: 'rule 8772: not allowed if any episode went on to further action',
    },
  ],
} as const satisfies CodeList;
