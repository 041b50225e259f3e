import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthority, writeRecords } from '../../src/db/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { childJourney, LA } from '../support/journey.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await addAuthority(t.db, { laCode: LA, name: 'Testshire', regionName: 'South East' });
  await t.db.transaction().execute(async (trx) => {
    for (const [table, rows] of childJourney()) await writeRecords(trx, table, rows);
  });
});
afterAll(async () => t?.dispose());

describe('a child journey from referral to adoption', () => {
  it('reads back the referral, assessment and its factors', async () => {
    const referral = await t.db.selectFrom('referral').selectAll().where('la_code', '=', LA).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ referral_id: 'R1', child_id: 'C1', referral_date: '2021-05-04', source: '3A', primary_need: 'N1', nfa: false });
    const factors = await t.db.selectFrom('assessment_factor').select('factor').where('assessment_id', '=', 'A1').orderBy('factor').execute();
    expect(factors.map((f) => f.factor)).toEqual(['2A', '3A']);
  });

  it('links the S47, the initial conference and the CP plan in order', async () => {
    const chain = await t.db
      .selectFrom('s47_enquiry as s')
      .innerJoin('cp_conference as c', (j) => j.onRef('c.la_code', '=', 's.la_code').onRef('c.s47_id', '=', 's.s47_id'))
      .innerJoin('cp_plan as p', (j) => j.onRef('p.la_code', '=', 'c.la_code').onRef('p.cp_plan_id', '=', 'c.cp_plan_id'))
      .select(['s.start_date as s47_start', 'c.conference_date', 'c.conference_type', 'p.start_date as plan_start', 'p.initial_category'])
      .where('s.la_code', '=', LA)
      .executeTakeFirstOrThrow();
    expect(chain).toEqual({ s47_start: '2021-06-01', conference_date: '2021-06-18', conference_type: 'initial', plan_start: '2021-06-18', initial_category: 'NEG' });
  });

  it('keeps the care episodes of one period in date order with placement moves', async () => {
    const episodes = await t.db
      .selectFrom('cla_episode')
      .select(['decom', 'dec', 'rne', 'legal_status', 'place', 'rec', 'reason_place_change'])
      .where('la_code', '=', LA)
      .where('child_id', '=', 'C1')
      .orderBy('decom')
      .execute();
    expect(episodes.map((e) => [e.decom, e.rne, e.legal_status, e.place, e.rec])).toEqual([
      ['2022-01-10', 'S', 'C1', 'U3', 'X1'],
      ['2022-04-02', 'L', 'C2', 'U3', 'X1'],
      ['2022-09-15', 'P', 'C2', 'U1', 'X1'],
      ['2023-02-01', 'L', 'E1', 'A4', 'E11'],
    ]);
    const period = await t.db.selectFrom('care_period').selectAll().where('la_code', '=', LA).executeTakeFirstOrThrow();
    expect(period.end_date).toBe('2023-11-20');
  });

  it('records the adoption milestones', async () => {
    const adoption = await t.db.selectFrom('adoption').selectAll().where('la_code', '=', LA).executeTakeFirstOrThrow();
    expect(adoption).toMatchObject({ decision_date: '2022-08-01', matched_date: '2023-01-20', adoption_order_date: '2023-11-20', number_of_adopters: 2, by_foster_carer: false });
  });

  it('keeps identity apart from the pseudonymous child record', async () => {
    const child = await t.db.selectFrom('child').selectAll().where('la_code', '=', LA).executeTakeFirstOrThrow();
    expect(Object.keys(child)).not.toContain('upn');
    const identity = await t.db.selectFrom('child_identity').selectAll().where('la_code', '=', LA).executeTakeFirstOrThrow();
    expect(identity.upn).toBe('A123456789012');
  });
});
