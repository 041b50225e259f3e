import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  annexA,
  annexACodeOf,
  annexATemplateOf,
  checkCode,
  cin,
  codeLists,
  codesInGroup,
  codesOf,
  describeAllowed,
  entryOf,
  formatCollectionYear,
  getCodeList,
  groupOf,
  isValidCode,
  labelOf,
  local,
  ssda903,
  workforce,
} from './index.js';
import type { CodeList, CodeOf, PlacementCategory } from './index.js';

const allLists = Object.entries(codeLists) as [string, CodeList][];

describe('every list', () => {
  it.each(allLists)('%s is keyed by its id, non-empty, with unique codes and labels', (id, list) => {
    expect(list.id).toBe(id);
    expect(list.title).not.toBe('');
    expect(list.source).not.toBe('');
    expect(list.codes.length).toBeGreaterThan(0);
    const codes = list.codes.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of list.codes) {
      expect(e.code).toMatch(/^\S+$/);
      expect(e.label.trim()).not.toBe('');
      if (e.validFrom !== undefined && e.validTo !== undefined) expect(e.validFrom).toBeLessThanOrEqual(e.validTo);
    }
  });

  it('has ids that are unique and namespaced', () => {
    for (const [id] of allLists) expect(id).toMatch(/^(903|cin|annexA|workforce|local)\.\w+$/);
  });

  it('covers every list the records layer uses', () => {
    const used = [
      '903.ACCOM', '903.ACTIV', '903.CIN', '903.IN_TOUCH', '903.LS', '903.LS_ADOPTR', '903.MISSING', '903.PLACE',
      '903.PLACE_PROVIDER', '903.PREV_PERM', '903.REASON_PLACED_CEASED', '903.REASON_PLACE_CHANGE', '903.REC',
      '903.REVIEW_CODE', '903.RNE', '903.SDQ_REASON', '903.SEX_ADOPTR', '903.SW_REASON', 'cin.AssessmentFactors',
      'cin.CategoryOfAbuse', 'cin.Disability', 'cin.Ethnicity', 'cin.PrimaryNeedCode', 'cin.ReasonForClosure',
      'cin.ReferralSource', 'cin.Sex', 'cin.UPNunknown', 'local.careLeaverEligibility', 'local.conferenceType',
      'local.healthCheckType', 'local.permanencePlan', 'local.protectionType', 'local.visitContext',
      'workforce.allocationRole', 'workforce.contract', 'workforce.role', 'workforce.teamType',
    ];
    for (const id of used) expect(getCodeList(id), id).toBeDefined();
    expect(getCodeList('903.NOPE')).toBeUndefined();
    expect(getCodeList('toString')).toBeUndefined();
  });
});

describe('SSDA903 labels', () => {
  it.each([
    [ssda903.SEX, 'M', 'male'],
    [ssda903.ETHNIC, 'WROM', 'Gypsy/Roma'],
    [ssda903.ETHNIC, 'NOBT', 'Information not yet obtained'],
    [ssda903.UPN_UNKNOWN, 'UN3', 'educated outside England'],
    [ssda903.RNE, 'P', 'change of placement and carer(s) only'],
    [ssda903.LS, 'C2', 'full care order'],
    [ssda903.LS, 'V2', 'single period of accommodation under section 20'],
    [ssda903.LS, 'J2', 'placed in LA accommodation under PACE'],
    [ssda903.CIN, 'N8', 'absent parenting'],
    [ssda903.PLACE, 'K1', "secure children's home"],
    [ssda903.PLACE, 'K2', "children's home subject to children's homes regulations"],
    [ssda903.PLACE, 'R5', 'young offender institution (YOI) or prison'],
    [ssda903.PLACE, 'U4', 'foster placement with other foster carer: long-term fostering'],
    [ssda903.PLACE, 'T3', 'temporary accommodation while normal foster carer(s) on holiday'],
    [ssda903.PLACE_PROVIDER, 'PR4', 'private provision'],
    [ssda903.REC, 'E4A', 'returned home to parents, relatives or others with parental responsibility, as part of care planning'],
    [ssda903.REC, 'E17', 'aged 18 or over and remained with current carers (including staying put)'],
    [ssda903.REASON_PLACE_CHANGE, 'CREQB', "carer requests end because of the child's behaviour"],
    [ssda903.REVIEW_CODE, 'PN0', 'child aged under 4 at the review'],
    [ssda903.SDQ_REASON, 'SDQ5', 'child or young person refused to allow an SDQ to be completed'],
    [ssda903.IN_TOUCH, 'NREQ', 'young person no longer requires services'],
    [ssda903.ACTIV, 'G6', 'NEET: pregnancy or parenting'],
    [ssda903.ACTIV, 'P4', 'part-time apprenticeship'],
    [ssda903.ACCOM, 'Z2', 'with former foster carer(s) (not for 17-year-olds): unsuitable'],
    [ssda903.SEX_ADOPTR, 'MF', 'male/female couple'],
    [ssda903.LS_ADOPTR, 'L12', 'same-gender married couple'],
    [ssda903.REASON_PLACED_CEASED, 'RD3', 'prospective adopters could not be found'],
    [ssda903.PREV_PERM, 'Z1', 'no previous permanence option'],
    [ssda903.MISSING, 'M', 'missing: not at the placement or where expected, and whereabouts not known'],
    [ssda903.SW_REASON, 'ORGRST', 'new social worker after organisational restructure'],
    [ssda903.LA_OUTSIDE_ENGLAND, 'NUK', 'outside the UK'],
  ].map(([list, code, label]) => [(list as CodeList).id, code, label]) as [string, string, string][])(
    '%s %s',
    (id, code, label) => {
      expect(labelOf(getCodeList(id) as CodeList, code)).toBe(label);
    },
  );

  it('has the expected sizes', () => {
    expect(codesOf(ssda903.ETHNIC)).toHaveLength(20);
    expect(codesOf(ssda903.LS)).toHaveLength(13);
    expect(codesOf(ssda903.REC)).toHaveLength(22);
    expect(codesOf(ssda903.REASON_PLACE_CHANGE)).toHaveLength(12);
    expect(codesOf(ssda903.SW_REASON)).toHaveLength(10);
    expect(codesOf(ssda903.PLACE_PROVIDER)).toEqual(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
  });

  it('builds ACCOM as rule 133 does: no S1 or X1, plus 0', () => {
    const accom = codesOf(ssda903.ACCOM);
    expect(accom).toEqual(
      'B1 B2 C1 C2 D1 D2 E1 E2 G1 G2 H1 H2 K1 K2 R1 R2 S2 T1 T2 U1 U2 V1 V2 W1 W2 X2 Y1 Y2 Z1 Z2 0'.split(' '),
    );
    expect(groupOf(ssda903.ACCOM, 'D1')).toBe('suitable');
    expect(groupOf(ssda903.ACCOM, 'S2')).toBe('unsuitable');
  });
});

describe('CIN census labels', () => {
  it.each([
    [cin.ReferralSource, '1C', 'individual: self'],
    [cin.ReferralSource, '3E', 'health services: A&E'],
    [cin.ReferralSource, '10', 'unknown'],
    [cin.PrimaryNeedCode, 'N0', 'not stated'],
    [cin.PrimaryNeedCode, 'N3', 'parental disability or illness'],
    [cin.ReasonForClosure, 'RC8', 'case closed after assessment, no further action'],
    [cin.AssessmentFactors, '1A', 'alcohol misuse: the child'],
    [cin.AssessmentFactors, '4B', 'mental health: parent(s) or carer(s)'],
    [cin.AssessmentFactors, '6C', 'physical disability or illness: another person in the household'],
    [cin.AssessmentFactors, '8E', 'privately fostered: UK child in alternative family arrangement'],
    [cin.AssessmentFactors, '22A', 'female genital mutilation (FGM)'],
    [cin.AssessmentFactors, '24A', 'child criminal exploitation'],
    [cin.CategoryOfAbuse, 'MUL', 'multiple / not recommended'],
    [cin.Disability, 'AUT', 'diagnosed autism or Asperger syndrome'],
    [cin.Disability, 'NONE', 'no disability'],
    [cin.Ethnicity, 'MWBA', 'White and Black African'],
    [cin.GenderCurrent, '9', 'indeterminate'],
    [cin.Sex, 'U', 'unknown'],
    [cin.UPNunknown, 'UN7', 'referral with no further action'],
  ].map(([list, code, label]) => [(list as CodeList).id, code, label]) as [string, string, string][])(
    '%s %s',
    (id, code, label) => {
      expect(labelOf(getCodeList(id) as CodeList, code)).toBe(label);
    },
  );

  it('has the expected sizes', () => {
    expect(codesOf(cin.ReferralSource)).toHaveLength(22);
    expect(codesOf(cin.PrimaryNeedCode)).toHaveLength(10);
    expect(codesOf(cin.ReasonForClosure)).toHaveLength(9);
    expect(codesOf(cin.Disability)).toHaveLength(13);
    expect(codesOf(cin.CategoryOfAbuse)).toEqual(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);
  });

  it('shares the ethnicity entries with SSDA903 and keeps 903 CIN to N1-N8', () => {
    expect(cin.Ethnicity.codes).toBe(ssda903.ETHNIC.codes);
    expect(codesOf(ssda903.CIN)).toEqual(codesOf(cin.PrimaryNeedCode).filter((c) => !['N0', 'N9'].includes(c)));
  });

  it('groups referral sources into the eleven DfE groups', () => {
    const groups = new Set(cin.ReferralSource.codes.map((e) => e.group));
    expect(groups.size).toBe(11);
    expect(codesInGroup(cin.ReferralSource, 'health_services')).toEqual(['3A', '3B', '3C', '3D', '3E', '3F']);
    expect(codesInGroup(cin.ReferralSource, 'la_services', 2022)).toEqual(['5A', '5B', '5C']);
  });
});

describe('year validity', () => {
  it('formats collection years', () => {
    expect(formatCollectionYear(2025)).toBe('2024/25');
    expect(formatCollectionYear(2000)).toBe('1999/00');
  });

  it('switches SSDA903 SEX from 1/2 to M/F/U in 2024/25', () => {
    expect(codesOf(ssda903.SEX, 2024)).toEqual(['1', '2']);
    expect(codesOf(ssda903.SEX, 2025)).toEqual(['M', 'F', 'U']);
    expect(codesOf(ssda903.SEX)).toEqual(['1', '2', 'M', 'F', 'U']);
  });

  it('replaces CIN GenderCurrent by Sex in 2024/25', () => {
    expect(codesOf(cin.GenderCurrent, 2024)).toEqual(['1', '2', '0', '9']);
    expect(codesOf(cin.GenderCurrent, 2025)).toEqual([]);
    expect(codesOf(cin.Sex, 2024)).toEqual([]);
    expect(isValidCode(cin.Sex, 'U', 2025)).toBe(true);
    expect(isValidCode(cin.Sex, 'U')).toBe(true);
  });

  it('follows the PLACE changes of section 5', () => {
    const place = ssda903.PLACE;
    expect(isValidCode(place, 'H5', 2024)).toBe(true);
    expect(isValidCode(place, 'H5', 2025)).toBe(false);
    expect(isValidCode(place, 'P2', 2024)).toBe(true);
    expect(isValidCode(place, 'P2', 2025)).toBe(false);
    expect(isValidCode(place, 'K3', 2024)).toBe(false);
    expect(isValidCode(place, 'K3', 2025)).toBe(true);
    expect(isValidCode(place, 'Z1', 2025)).toBe(true);
    expect(isValidCode(place, 'Z1', 2026)).toBe(false);
    for (const z of ['Z11', 'Z12', 'Z13', 'Z14']) {
      expect(isValidCode(place, z, 2025)).toBe(false);
      expect(isValidCode(place, z, 2026)).toBe(true);
    }
    for (const k of ['K1', 'K2']) for (const y of [2020, 2024, 2025, 2027]) expect(isValidCode(place, k, y)).toBe(true);
    expect(codesOf(place, 2024)).toHaveLength(27);
    expect(codesOf(place, 2025)).toHaveLength(26);
    expect(codesOf(place, 2026)).toHaveLength(29);
    expect(codesOf(place)).toHaveLength(32);
  });

  it('follows the CIN census changes of section 6', () => {
    expect(isValidCode(cin.ReferralSource, '5D', 2022)).toBe(false);
    expect(isValidCode(cin.ReferralSource, '5D', 2023)).toBe(true);
    expect(isValidCode(cin.ReasonForClosure, 'RC9', 2022)).toBe(false);
    expect(isValidCode(cin.ReasonForClosure, 'RC9', 2023)).toBe(true);
    expect(isValidCode(cin.AssessmentFactors, '18A', 2020)).toBe(true);
    expect(isValidCode(cin.AssessmentFactors, '18A', 2021)).toBe(false);
    expect(isValidCode(cin.AssessmentFactors, '19C', 2020)).toBe(false);
    expect(isValidCode(cin.AssessmentFactors, '19C', 2021)).toBe(true);
    expect(isValidCode(cin.AssessmentFactors, '24A', 2021)).toBe(false);
    expect(isValidCode(cin.AssessmentFactors, '24A', 2022)).toBe(true);
  });

  it('knows SW_REASON starts in 2023/24', () => {
    expect(codesOf(ssda903.SW_REASON, 2023)).toEqual([]);
    expect(isValidCode(ssda903.SW_REASON, 'MANAGE', 2024)).toBe(true);
  });

  it('accepts historic codes when no year is given', () => {
    for (const code of ['H5', 'P2', 'Z1', 'K3', 'Z12']) expect(isValidCode(ssda903.PLACE, code)).toBe(true);
    expect(isValidCode(cin.AssessmentFactors, '19A')).toBe(true);
  });

  it('is exact about case, blanks and unknown codes', () => {
    expect(isValidCode(ssda903.PLACE, 'u1')).toBe(false);
    expect(isValidCode(ssda903.PLACE, ' U1')).toBe(false);
    expect(isValidCode(ssda903.PLACE, '')).toBe(false);
    expect(isValidCode(ssda903.PLACE, null)).toBe(false);
    expect(isValidCode(ssda903.PLACE, undefined)).toBe(false);
    expect(isValidCode(ssda903.PLACE, 'toString')).toBe(false);
  });

  it('explains failures with checkCode', () => {
    expect(checkCode(ssda903.PLACE, 'U1', 2025)).toMatchObject({ ok: true, entry: { code: 'U1' } });
    expect(checkCode(ssda903.PLACE, 'H5', 2025)).toMatchObject({ ok: false, reason: 'withdrawn' });
    expect(checkCode(ssda903.PLACE, 'K3', 2024)).toMatchObject({ ok: false, reason: 'not_yet_valid' });
    expect(checkCode(ssda903.PLACE, 'Q9', 2025)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(checkCode(ssda903.PLACE, '', 2025)).toMatchObject({ ok: false, reason: 'missing' });
    expect(checkCode(ssda903.SW_REASON, 'MANAGE', 2023)).toMatchObject({ ok: false, reason: 'list_not_collected' });
    const withdrawn = checkCode(ssda903.PLACE, 'H5', 2025);
    expect(!withdrawn.ok && withdrawn.message).toMatch(/^'H5' was withdrawn after 2023\/24; expected one of A3, /);
  });
});

describe('groups', () => {
  it('gives every PLACE code a placement category', () => {
    const categories: PlacementCategory[] = [
      'foster', 'kinship', 'residential', 'supported', 'with_parents', 'adoption', 'other',
    ];
    for (const e of ssda903.PLACE.codes) expect(categories).toContain(e.group);
    expect(codesInGroup(ssda903.PLACE, 'kinship')).toEqual(['U1', 'U2', 'U3']);
    expect(codesInGroup(ssda903.PLACE, 'foster')).toEqual(['U4', 'U5', 'U6']);
    expect(codesInGroup(ssda903.PLACE, 'adoption')).toEqual(['A3', 'A4', 'A5', 'A6']);
    expect(codesInGroup(ssda903.PLACE, 'residential')).toEqual(['K1', 'K2', 'P3', 'R1', 'S1']);
    expect(codesInGroup(ssda903.PLACE, 'supported')).toEqual(['H5', 'K3', 'P2']);
    expect(codesInGroup(ssda903.PLACE, 'supported', 2026)).toEqual(['K3']);
    expect(codesInGroup(ssda903.PLACE, 'with_parents')).toEqual(['P1']);
    expect(groupOf(ssda903.PLACE, 'Z13')).toBe('other');
    expect(groupOf(ssda903.PLACE, 'T4')).toBe('other');
  });

  it('splits providers into in-house and external', () => {
    for (const e of ssda903.PLACE_PROVIDER.codes) expect(e.group).toBeDefined();
    expect(codesInGroup(ssda903.PLACE_PROVIDER, 'in_house')).toEqual(['PR1', 'PR2', 'PR3']);
    expect(codesInGroup(ssda903.PLACE_PROVIDER, 'external')).toEqual(['PR4', 'PR5']);
  });

  it('gives every REC code a reason category', () => {
    for (const e of ssda903.REC.codes) expect(e.group).toBeDefined();
    expect(codesInGroup(ssda903.REC, 'adopted')).toEqual(['E11', 'E12']);
    expect(codesInGroup(ssda903.REC, 'sgo')).toEqual(['E45', 'E46', 'E47', 'E48']);
    expect(codesInGroup(ssda903.REC, 'cao')).toEqual(['E41']);
    expect(codesInGroup(ssda903.REC, 'returned_home')).toEqual(['E4A', 'E4B', 'E13']);
    expect(codesInGroup(ssda903.REC, 'independence_18plus')).toEqual(['E5', 'E6', 'E7', 'E17']);
    expect(codesInGroup(ssda903.REC, 'not_ceased')).toEqual(['X1']);
    expect(groupOf(ssda903.REC, 'E8')).toBe('other');
  });

  it('groups activity for the EET indicator', () => {
    expect(codesInGroup(ssda903.ACTIV, 'eet')).toEqual(['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']);
    expect(codesInGroup(ssda903.ACTIV, 'neet')).toEqual(['G4', 'G5', 'G6']);
  });

  it('groups the A/B/C assessment factors by factor', () => {
    expect(codesInGroup(cin.AssessmentFactors, 'alcohol_misuse')).toEqual(['1A', '1B', '1C']);
    expect(codesInGroup(cin.AssessmentFactors, 'physical_abuse', 2025)).toEqual(['18B', '18C']);
    expect(codesOf(cin.AssessmentFactors, 2025)).toHaveLength(42);
  });
});

describe('describeAllowed', () => {
  it('lists the codes and names the source', () => {
    expect(describeAllowed(ssda903.MISSING)).toBe('one of M, A (see SSDA903 MISSING)');
    expect(describeAllowed(ssda903.SEX, 2025)).toBe('one of M, F, U (see SSDA903 SEX, 2024/25)');
    expect(describeAllowed(cin.CategoryOfAbuse)).toBe(
      'one of NEG, PHY, SAB, EMO, MUL (see CIN census InitialCategoryOfAbuse / LatestCategoryOfAbuse)',
    );
  });

  it('shortens long lists', () => {
    expect(describeAllowed(ssda903.PLACE, 2026, { max: 3 })).toBe('one of A3, A4, A5 and 26 more (see SSDA903 PLACE, 2025/26)');
    expect(describeAllowed(cin.AssessmentFactors)).toMatch(/^one of 1A, 1B, 1C, .* and \d+ more \(see CIN census AssessmentFactors\)$/);
  });

  it('says when nothing is allowed in a year', () => {
    expect(describeAllowed(ssda903.SW_REASON, 2023)).toBe('no codes (see SSDA903 SW_REASON, 2022/23)');
  });
});

describe('Annex A', () => {
  it('re-exports the DfE lists it shares', () => {
    expect(annexA.Ethnicity).toBe(ssda903.ETHNIC);
    expect(annexA.ContactSource).toBe(cin.ReferralSource);
    expect(annexA.PlacementType).toBe(ssda903.PLACE);
    expect(annexA.LegalStatus).toBe(ssda903.LS);
    expect(annexA.PrimaryNeed).toBe(cin.PrimaryNeedCode);
  });

  it('writes and reads template values', () => {
    expect(annexATemplateOf(annexA.Gender, 'F')).toBe('b) Female');
    expect(annexATemplateOf(annexA.PlacementProvider, 'PR0')).toBe('a) PR0: Parents/Parental responsibility');
    expect(annexATemplateOf(annexA.ReasonCeased, 'E17')).toBe('v) E17: Aged 18+ and remained with current carers');
    expect(annexATemplateOf(annexA.ReasonCeased, 'E11')).toBe('a) E11: Adopted – application unopposed');
    expect(annexACodeOf(annexA.Gender, ' a) male ')).toBe('M');
    expect(annexACodeOf(annexA.YesNoUnknown, 'Unknown')).toBe('U');
    expect(annexACodeOf(annexA.CaseStatus, 'b) Child Protection plan')).toBe('cp_plan');
    expect(annexACodeOf(annexA.Gender, 'z) nonsense')).toBeUndefined();
  });

  it('leaves X1 out of reasons ceased and keeps the REC groups', () => {
    expect(isValidCode(annexA.ReasonCeased, 'X1')).toBe(false);
    expect(codesOf(annexA.ReasonCeased).sort()).toEqual(codesOf(ssda903.REC).filter((c) => c !== 'X1').sort());
    for (const e of annexA.ReasonCeased.codes) expect(e.group).toBe(groupOf(ssda903.REC, e.code));
  });

  it('accepts the older F3/P3 activity codes', () => {
    expect(isValidCode(annexA.Activity, 'F3')).toBe(true);
    expect(isValidCode(ssda903.ACTIV, 'F3')).toBe(false);
    expect(groupOf(annexA.Activity, 'P3')).toBe('eet');
  });
});

describe('workforce and local lists', () => {
  it('has the agreed codes', () => {
    expect(codesOf(workforce.WorkerRole)).toEqual([
      'asye', 'social_worker', 'senior_practitioner', 'advanced_practitioner', 'team_manager', 'service_manager',
      'iro', 'personal_adviser', 'support_worker',
    ]);
    expect(codesOf(workforce.TeamType)).toEqual([
      'front_door', 'family_support_cp', 'cin', 'looked_after', 'leaving_care', 'disability', 'fostering',
      'adoption', 'kinship', 'iro_safeguarding',
    ]);
    expect(codesOf(workforce.Contract)).toEqual(['permanent', 'agency']);
    expect(codesOf(workforce.AllocationRole)).toEqual(['allocated_worker', 'iro', 'personal_adviser']);
    expect(groupOf(workforce.WorkerRole, 'asye')).toBe('case_holder');
  });

  it('matches the database CHECK constraints of the canonical model', () => {
    expect(codesOf(local.ConferenceType)).toEqual(['initial', 'review', 'transfer_in']);
    expect(codesOf(local.VisitContext)).toEqual(['cin', 'cp', 'cla']);
    expect(codesOf(local.ProtectionType)).toEqual(['police_protection', 'epo']);
    expect(codesOf(local.HealthCheckType)).toEqual(['health_assessment', 'dental', 'development']);
    expect(local.PermanencePlanType.codes).toBe(annexA.PermanencePlan.codes);
    expect(local.CareLeaverEligibility.codes).toBe(annexA.EligibilityCategory.codes);
  });
});

describe('types', () => {
  it('derives literal code unions', () => {
    expectTypeOf<CodeOf<typeof ssda903.MISSING>>().toEqualTypeOf<'M' | 'A'>();
    expectTypeOf<CodeOf<typeof workforce.Contract>>().toEqualTypeOf<'permanent' | 'agency'>();
    const code: string = 'U1';
    if (isValidCode(ssda903.PLACE, code)) expectTypeOf(code).toExtend<CodeOf<typeof ssda903.PLACE>>();
    expect(entryOf(ssda903.PLACE, 'U1')?.group).toBe('kinship');
  });
});
