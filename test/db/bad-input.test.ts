import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthority, writeRecords, DatabaseRuleError } from '../../src/db/index.js';
import { RecordValidationError } from '../../src/model/records/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { childJourney, LA } from '../support/journey.js';

let t: TestDatabase;
const child = { la_code: LA, child_id: 'C9', date_of_birth: '2015-03-01', sex: 'M', ethnicity: 'WBRI', uasc: false };

beforeAll(async () => {
  t = await createTestDatabase();
  await addAuthority(t.db, { laCode: LA, name: 'Testshire' });
});
afterAll(async () => t?.dispose());

async function count(table: 'child' | 'referral' | 'cla_episode' | 'care_period'): Promise<number> {
  const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('refusing bad records', () => {
  it('refuses a placement code that is not in the SSDA903 PLACE list, naming column, value and list', async () => {
    const rows = [{ la_code: LA, episode_id: 'E1', child_id: 'C9', period_id: 'P9', decom: '2022-01-01', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'Q9' }];
    await expect(writeRecords(t.db, 'cla_episode', rows)).rejects.toThrow(RecordValidationError);
    await expect(writeRecords(t.db, 'cla_episode', rows)).rejects.toThrow(/cla_episode row 1: place "Q9" is not a valid code: expected .*PLACE/);
  });

  it('reports every problem in a batch at once, with row and rule', async () => {
    const rows = [
      { ...child, child_id: 'A', sex: 'X' },
      { ...child, child_id: 'B', date_of_birth: '2015-02-30' },
      { ...child, child_id: 'C', ethnicity: '' },
    ];
    try {
      await writeRecords(t.db, 'child', rows);
      expect.unreachable();
    } catch (error) {
      const issues = (error as RecordValidationError).issues.map((i) => [i.row, i.column, i.rule]);
      expect(issues).toEqual([
        [0, 'sex', 'code-list:cin.Sex'],
        [1, 'date_of_birth', 'date'],
        [2, 'ethnicity', 'required'],
      ]);
    }
    expect(await count('child')).toBe(0);
  });

  it('refuses an episode that ends before it starts', async () => {
    const episode = { la_code: LA, episode_id: 'E1', child_id: 'C9', period_id: 'P9', decom: '2022-05-01', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'U1', dec: '2022-04-30', rec: 'E11' };
    await expect(writeRecords(t.db, 'cla_episode', [episode])).rejects.toThrow('dec 2022-04-30 is before decom 2022-05-01');
  });

  it('refuses the same impossible dates at the database even when validation is bypassed', async () => {
    await writeRecords(t.db, 'child', [child]);
    await writeRecords(t.db, 'care_period', [{ la_code: LA, period_id: 'P9', child_id: 'C9', start_date: '2022-05-01' }]);
    const episode = { la_code: LA, episode_id: 'E1', child_id: 'C9', period_id: 'P9', decom: '2022-05-01', rne: 'S', legal_status: 'C2', cin_category: 'N1', place: 'U1', dec: '2022-04-30', rec: 'E11' };
    await expect(writeRecords(t.db, 'cla_episode', [episode], { validate: false })).rejects.toThrow(DatabaseRuleError);
    await expect(writeRecords(t.db, 'cla_episode', [episode], { validate: false })).rejects.toThrow(/breaks a rule of the data model/);
    await t.db.deleteFrom('child').where('la_code', '=', LA).execute();
  });

  it('refuses a record for a child who does not exist, in plain words', async () => {
    const referral = { la_code: LA, referral_id: 'R404', child_id: 'NOBODY', referral_date: '2022-01-01', source: '6', nfa: true };
    await expect(writeRecords(t.db, 'referral', [referral])).rejects.toThrow(/refers to a record that does not exist \(Key \(la_code, child_id\)=\(999, NOBODY\)/);
  });

  it('leaves nothing behind when any part of a batch fails', async () => {
    const journey = childJourney();
    const episodes = journey.find(([table]) => table === 'cla_episode')![1];
    episodes[3] = { ...episodes[3]!, rec: 'ZZ' };
    await expect(
      t.db.transaction().execute(async (trx) => {
        for (const [table, rows] of journey) await writeRecords(trx, table, rows);
      }),
    ).rejects.toThrow(/rec "ZZ"/);
    expect([await count('child'), await count('referral'), await count('care_period'), await count('cla_episode')]).toEqual([0, 0, 0, 0]);
  });

  it('stores hostile strings verbatim and harmlessly', async () => {
    const hostile = ["Robert'); DROP TABLE child;--", '=HYPERLINK("http://x","y")', 'a,b\n"c"', '\\.', '\u00e9\u00e8 \u{1F600}'];
    await writeRecords(t.db, 'child', hostile.map((h, i) => ({ ...child, child_id: `H${i}`, household_id: null })));
    await writeRecords(t.db, 'child_identity', hostile.map((h, i) => ({ la_code: LA, child_id: `H${i}`, forename: h })));
    const back = await t.db.selectFrom('child_identity').select(['child_id', 'forename']).where('la_code', '=', LA).orderBy('child_id').execute();
    expect(back.map((r) => r.forename)).toEqual(hostile);
    expect(await count('child')).toBe(hostile.length);
  });
});
