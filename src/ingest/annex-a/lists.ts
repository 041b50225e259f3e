import { annexA, type CodeList } from '../../model/code-lists/index.js';

/**
 * The eleven Annex A lists, declared once: the importer recognises a sheet or CSV by its header
 * set and reads each column by this declaration; the exporter writes the same headers in the same
 * order. Headers, types and required flags: formats-annex-a.md section 2 (LIIA schema), except
 * that a blank is accepted where an authority may genuinely not hold the value (allocated team,
 * worker and adviser; placement location and LA; care leaver eligibility).
 */
export type ColumnKind = 'id' | 'text' | 'date' | 'int' | 'code';

export interface AnnexAColumn {
  header: string;
  key: string;
  kind: ColumnKind;
  required?: boolean;
  list?: CodeList;
  /** Other spellings seen in councils' workbooks (compared after normalising). */
  aliases?: readonly string[];
}

export interface AnnexAList {
  number: number;
  name: string;
  sheet: string;
  columns: readonly AnnexAColumn[];
}

const childId: AnnexAColumn = { header: 'Child Unique ID', key: 'child', kind: 'id', required: true, aliases: ['Child ID', 'Child Unique Identifier', 'LAchildID', 'CHILD'] };
const gender: AnnexAColumn = { header: 'Gender', key: 'gender', kind: 'code', required: true, list: annexA.Gender, aliases: ['Sex'] };
const ethnicity: AnnexAColumn = { header: 'Ethnicity', key: 'ethnicity', kind: 'code', required: true, list: annexA.Ethnicity };
const dob: AnnexAColumn = { header: 'Date of Birth', key: 'dob', kind: 'date', aliases: ['DOB'] };
const age: AnnexAColumn = { header: 'Age of Child (Years)', key: 'age', kind: 'int', aliases: ['Age'] };
const disability: AnnexAColumn = { header: 'Does the Child have a Disability', key: 'disability', kind: 'code', required: true, list: annexA.YesNoUnknown, aliases: ['Disability'] };
// Required in the LIIA schema, but a blank is how an unallocated case shows (which inspectors look for).
const team: AnnexAColumn = { header: 'Allocated Team', key: 'team', kind: 'text' };
const worker: AnnexAColumn = { header: 'Allocated Worker', key: 'worker', kind: 'text' };
const CHILD = [childId, gender, ethnicity, dob, age] as const;
const yn = (header: string, key: string, required = false): AnnexAColumn => ({ header, key, kind: 'code', list: annexA.YesNo, required });
const ynu = (header: string, key: string, required = false): AnnexAColumn => ({ header, key, kind: 'code', list: annexA.YesNoUnknown, required });
const date = (header: string, key: string, required = false): AnnexAColumn => ({ header, key, kind: 'date', required });
const int = (header: string, key: string, required = false): AnnexAColumn => ({ header, key, kind: 'int', required });
const code = (header: string, key: string, list: CodeList, required = false): AnnexAColumn => ({ header, key, kind: 'code', list, required });

export const ANNEX_A_LISTS: readonly AnnexAList[] = [
  { number: 1, name: 'Contacts', sheet: 'List 1', columns: [...CHILD, date('Date of Contact', 'contactDate', true), code('Contact Source', 'source', annexA.ContactSource, true)] },
  {
    number: 2, name: 'Early help', sheet: 'List 2',
    columns: [...CHILD, date('Assessment start date', 'start', true), date('Assessment completion date', 'completed'), { header: 'Organisation completing assessment', key: 'organisation', kind: 'text', required: true }],
  },
  {
    number: 3, name: 'Referrals', sheet: 'List 3',
    columns: [...CHILD, date('Date of referral', 'referralDate', true), code('Referral Source', 'source', annexA.ReferralSource, true), yn('Referral NFA?', 'nfa', true),
      int('Number of Referrals in Last 12 Months', 'referrals12', true), team, worker],
  },
  {
    number: 4, name: 'Assessments', sheet: 'List 4',
    columns: [...CHILD, disability, date('Continuous Assessment Start Date', 'start', true), ynu('Child Seen During Continuous Assessment', 'seen'),
      date('Continuous Assessment Date of Authorisation', 'authorised'), yn("Was the child assessed as requiring LA children's social care support?", 'furtherAction'), team, worker],
  },
  {
    number: 5, name: 'Section 47 enquiries and ICPCs', sheet: 'List 5',
    columns: [...CHILD, disability, date('Strategy discussion initiating Section 47 Enquiry Start Date', 'start', true), yn('Was an Initial Child Protection Conference deemed unnecessary?', 'icpcNotRequired'),
      date('Date of Initial Child Protection Conference', 'icpc'), ynu('Did the Initial Child Protection Conference Result in a Child Protection Plan', 'planDecided'),
      int('Number of Section 47 Enquiries in the last 12 months', 's47s12', true), int('Number of ICPCs in the last 12 months', 'icpcs12', true), team, worker],
  },
  {
    number: 6, name: 'Children in need', sheet: 'List 6',
    columns: [...CHILD, disability, date('CIN Start Date', 'start', true), code('Primary Need Code', 'need', annexA.PrimaryNeed, true), date('Date Child Was Last Seen', 'lastSeen'),
      date('CIN Closure Date', 'closed'), code('Reason for Closure', 'closureReason', annexA.ReasonForClosure), code('Case Status', 'status', annexA.CaseStatus, true), team, worker],
  },
  {
    number: 7, name: 'Child protection', sheet: 'List 7',
    columns: [...CHILD, disability, date('Child Protection Plan Start Date', 'start', true), code('Initial Category of Abuse', 'initial', annexA.CategoryOfAbuse, true),
      code('Latest Category of Abuse', 'latest', annexA.CategoryOfAbuse, true), date('Date of the Last Statutory Visit', 'lastVisit'), ynu('Was the Child Seen Alone?', 'seenAlone'),
      date('Date of latest review conference', 'review'), date('Child Protection Plan End Date', 'end'),
      yn('Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', 'epo', true), int('Number of Previous Child Protection Plans', 'previous', true), team, worker],
  },
  {
    number: 8, name: 'Children in care', sheet: 'List 8',
    columns: [...CHILD, yn('Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', 'uasc', true), disability, date('Date Started to be Looked After', 'periodStart', true),
      code("Child's Category of Need", 'need', annexA.PrimaryNeed, true), yn('Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)', 'secondPeriod', true),
      date('Start date of current legal status', 'legalStart', true), code("Child's Legal Status", 'legalStatus', annexA.LegalStatus, true), date('Date of Latest Statutory Review', 'review'),
      date('Date of Last Social Work Visit', 'lastVisit'), code('What is the permanence plan for this child?', 'permanence', annexA.PermanencePlan), date('Date of Last IRO Visit / Contact to the Child', 'iroVisit'),
      date('Date of Last Health Assessment', 'health'), date('Date of Last Dental Check', 'dental'), int('Number of Placements in the Last 12 months', 'placements12', true),
      date('Date Ceased to be Looked After', 'ceased'), code('Reason Ceased to be Looked After', 'rec', annexA.ReasonCeased), date('Start Date of Most Recent Placement', 'placeStart', true),
      code('Placement Type', 'place', annexA.PlacementType, true), code('Placement Provider', 'provider', annexA.PlacementProvider, true), { header: 'Placement postcode', key: 'postcode', kind: 'text', required: true },
      { header: 'URN of Placement', key: 'urn', kind: 'text' }, code('Placement Location', 'location', annexA.PlacementLocation), { header: 'LA of Placement', key: 'placeLa', kind: 'text' },
      int("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", 'missing12', true),
      int("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", 'absent12', true),
      yn('Was the child offered a Return Interview after their last missing episode (Y/N)?', 'riOffered'), yn('Did the child accept a Return Interview after their last missing episode (Y/N)?', 'riAccepted'),
      team, worker],
  },
  {
    number: 9, name: 'Care leavers', sheet: 'List 9',
    columns: [...CHILD, yn('Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)', 'uasc', true), disability, team, worker,
      { header: 'Allocated Personal Advisor', key: 'adviser', kind: 'text', aliases: ['Allocated Personal Adviser'] }, code('Eligibility Category', 'eligibility', annexA.EligibilityCategory),
      date('Latest Pathway Plan Review Date', 'pathwayReview'), code('LA in Touch', 'inTouch', annexA.InTouch, true), date('Latest Date of Contact', 'contact'),
      code('Type of Accommodation', 'accommodation', annexA.AccommodationType), code('Suitability of Accommodation', 'suitability', annexA.AccommodationSuitability), code('Activity Status', 'activity', annexA.Activity)],
  },
  {
    number: 10, name: 'Adoption', sheet: 'List 10',
    columns: [childId, { header: 'Family identifier', key: 'family', kind: 'id' }, gender, ethnicity, dob, age, disability, date('Date the Child Entered Care', 'enteredCare', true),
      date('Date of Decision that Child Should be Placed for Adoption', 'decision', true), date('Date of Placement Order', 'placementOrder'), date('Date of Matching Child and Prospective Adopters', 'matched'),
      date('Date Placed for Adoption', 'placed'), date('Date of Adoption Order', 'adoptionOrder'), date('Date of Decision that Child Should No Longer be Placed for Adoption', 'reversed'),
      code('Reason Why Child No Longer Placed for Adoption', 'reversedReason', annexA.REASON_PLACED_CEASED), date('Date the child was placed for fostering in FFA or concurrent planning placement', 'ffa')],
  },
  {
    number: 11, name: 'Adopters', sheet: 'List 11',
    columns: [{ header: 'Individual adopter identifier', key: 'adopter', kind: 'id', required: true }, { header: 'Family identifier', key: 'family', kind: 'id' }, gender, ethnicity,
      ynu('Disability', 'disability', true), yn('Is the (prospective) adopter fostering for adoption?', 'ffa', true), date('Date enquiry received', 'enquiry', true), date('Date Stage 1 started', 'stage1Start'),
      date('Date Stage 1 ended', 'stage1End'), date('Date Stage 2 started', 'stage2Start'), date('Date Stage 2 ended', 'stage2End'), date('Date application submitted', 'application'),
      date('Date application approved', 'approved'), date('Date adopter matched with child(ren)', 'matched'), date('Date child/children placed with adopter(s)', 'placed'),
      int('No. of children placed', 'childrenPlaced'), date('Date of Adoption Order', 'adoptionOrder'), date('Date of leaving adoption process', 'left'),
      code('Reason for leaving adoption process', 'leftReason', annexA.AdopterLeavingReason)],
  },
];

/** Headers compared without case, spaces or punctuation ("Date of Birth" = "DATE_OF_BIRTH"). */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * Which list a header row is: a list all of whose required columns are present; the one that
 * explains most headers wins. Headers it does not know map to null (the reader warns). Null
 * when no list fits.
 */
export function recogniseList(header: readonly string[]): { list: AnnexAList; columns: (AnnexAColumn | null)[] } | null {
  let best: { list: AnnexAList; columns: (AnnexAColumn | null)[]; matched: number } | null = null;
  const wanted = header.map(normaliseHeader);
  for (const list of ANNEX_A_LISTS) {
    const byName = new Map<string, AnnexAColumn>();
    for (const c of list.columns) for (const name of [c.header, ...(c.aliases ?? [])]) byName.set(normaliseHeader(name), c);
    const columns = wanted.map((h) => byName.get(h) ?? null);
    const present = new Set(columns.filter((c): c is AnnexAColumn => c !== null));
    if (!list.columns.every((c) => !c.required || present.has(c))) continue;
    if (!best || present.size > best.matched) best = { list, columns, matched: present.size };
  }
  return best && { list: best.list, columns: best.columns };
}
