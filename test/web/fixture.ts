/**
 * A small, hand-made authority for the browser tests: three children whose open cases today
 * are known, so the numbers the pages show can be checked against hand-computed values as well
 * as against the API. Dates are relative to today so that "open today" stays true.
 */
import type { Kysely } from 'kysely';
import { addAuthority, writeRecords, type Database, type TableName } from '../../src/db/index.js';

export const FIXTURE_LA = '998';
export const FIXTURE_NAME = 'Webtest Borough';

/** What GET /api/authorities/998/summary must say today, counted by hand from the rows below. */
export const FIXTURE_TODAY = { openCin: 2, onCpPlan: 1, lookedAfter: 1 };

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

function rows(la: string): [TableName, Record<string, unknown>[]][] {
  const base = { la_code: la };
  return [
    ['team', [
      { ...base, team_id: 'T1', name: 'Safeguarding North', team_type: 'family_support_cp', service: 'Safeguarding', locality: 'North' },
      { ...base, team_id: 'T2', name: 'Children in Care', team_type: 'looked_after', service: 'Corporate parenting', locality: 'County' },
    ]],
    ['worker', [
      { ...base, worker_id: 'W1', role: 'social_worker', team_id: 'T1', fte: 1, contract: 'permanent', start_date: '2019-09-01' },
      { ...base, worker_id: 'W2', role: 'social_worker', team_id: 'T2', fte: 0.8, contract: 'agency', start_date: '2022-01-10' },
      { ...base, worker_id: 'W3', role: 'iro', team_id: 'T2', fte: 1, contract: 'permanent', start_date: '2018-04-01' },
    ]],
    ['child', [
      { ...base, child_id: 'C1', date_of_birth: '2014-03-02', sex: 'F', ethnicity: 'WBRI', uasc: false },
      { ...base, child_id: 'C2', date_of_birth: '2017-11-20', sex: 'M', ethnicity: 'MWBC', uasc: false },
      { ...base, child_id: 'C3', date_of_birth: '2010-06-15', sex: 'M', ethnicity: 'WBRI', uasc: false },
    ]],
    ['child_identity', [
      { ...base, child_id: 'C1', upn: 'A123456789012', forename: 'Amy', surname: 'Example' },
      { ...base, child_id: 'C2', upn: 'B123456789012', forename: 'Ben', surname: 'Sample' },
      { ...base, child_id: 'C3', upn: 'C123456789012', forename: 'Cal', surname: 'Closed' },
    ]],
    ['referral', [
      // C1: open, on a CP plan. C2: open, looked after. C3: closed last year.
      { ...base, child_id: 'C1', referral_id: 'R1', referral_date: daysAgo(200), source: '3A', primary_need: 'N1', nfa: false, team_id: 'T1', worker_id: 'W1' },
      { ...base, child_id: 'C2', referral_id: 'R2', referral_date: daysAgo(400), source: '5A', primary_need: 'N2', nfa: false, team_id: 'T2', worker_id: 'W2' },
      { ...base, child_id: 'C3', referral_id: 'R3', referral_date: daysAgo(700), source: '1A', primary_need: 'N1', nfa: false, closure_date: daysAgo(380), closure_reason: 'RC1', team_id: 'T1', worker_id: 'W1' },
    ]],
    ['cp_plan', [{ ...base, child_id: 'C1', cp_plan_id: 'P1', referral_id: 'R1', start_date: daysAgo(150), initial_category: 'NEG', latest_category: 'NEG' }]],
    ['care_period', [{ ...base, child_id: 'C2', period_id: 'CP1', referral_id: 'R2', start_date: daysAgo(300) }]],
    ['allocation', [
      { ...base, child_id: 'C1', allocation_id: 'AL1', worker_id: 'W1', allocation_role: 'allocated_worker', referral_id: 'R1', start_date: daysAgo(200) },
      { ...base, child_id: 'C2', allocation_id: 'AL2', worker_id: 'W2', allocation_role: 'allocated_worker', referral_id: 'R2', start_date: daysAgo(400) },
      { ...base, child_id: 'C2', allocation_id: 'AL3', worker_id: 'W3', allocation_role: 'iro', referral_id: 'R2', start_date: daysAgo(300) },
    ]],
  ];
}

export async function loadFixtureAuthority(db: Kysely<Database>, la = FIXTURE_LA): Promise<void> {
  await addAuthority(db, { laCode: la, name: FIXTURE_NAME, regionName: 'South East' });
  await db.transaction().execute(async (trx) => {
    for (const [table, data] of rows(la)) await writeRecords(trx, table, data);
  });
}
