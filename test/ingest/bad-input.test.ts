import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addAuthority } from '../../src/db/index.js';
import { exportReturn } from '../../src/export/index.js';
import { importFiles, issuesToCsv } from '../../src/ingest/index.js';
import { canSkipTriggers, checkForeignKeys, setTriggers } from '../../src/ingest/common/bulk-checks.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { FIXTURES, fixtureFiles } from './files.js';
import { countRows } from './support.js';

interface Expected {
  cases: { input: string; issues: { severity: string; file: string; line: number; column: string; rule: string; message: string }[] }[];
}
const expected = JSON.parse(readFileSync(`${FIXTURES}bad/expected.json`, 'utf8')) as Expected;

describe('hostile inputs: every problem reported exactly, nothing written', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    for (const code of ['931', '932', '933']) await addAuthority(t.db, { laCode: code, name: `Test ${code}` });
  });
  afterAll(async () => t?.dispose());

  for (const c of expected.cases) {
    it(`${c.input}`, async () => {
      const report = await importFiles(t.db, { laCode: '931', files: fixtureFiles(`bad/${c.input}`) });
      expect(report.ok).toBe(false);
      expect(report.issues.map(({ severity, file, line, column, rule, message }) => ({ severity, file, line, column, rule, message }))).toEqual(c.issues);
      expect(report.batches.every((b) => b.status === 'refused')).toBe(true);
      expect(await countRows(t.db, '931')).toBe(0);
    });
  }

  it('writes the error report as CSV with every problem, formulas defused', async () => {
    const report = await importFiles(t.db, { laCode: '931', files: fixtureFiles('bad/bad-codes') });
    const csv = issuesToCsv(report.issues);
    expect(csv.split('\r\n')[0]).toBe('severity,file,line,column,value,rule,message,expected');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 4);
    expect(csv).toContain('error,bad/bad-codes/2024_episodes.csv,2,PLACE,Q9,code-list:903.PLACE,\'Q9\' is not a valid code,');
  });

  it('reads Windows-1252 with a notice', async () => {
    const report = await importFiles(t.db, { laCode: '932', files: fixtureFiles('bad/windows-1252-workforce.csv') });
    expect(report.ok).toBe(true);
    expect(report.issues.map((i) => [i.severity, i.rule, i.line])).toEqual([['notice', 'encoding', 2]]);
    const team = (await sql`SELECT name FROM team WHERE la_code = '932'`.execute(t.db)).rows;
    expect(team).toEqual([{ name: 'Equipe café' }]);
  });

  it('keeps a formula-like value as text and defuses it on export', async () => {
    const report = await importFiles(t.db, { laCode: '933', files: fixtureFiles('bad/formula-injection-workforce.csv') });
    expect(report.ok).toBe(true);
    const team = (await sql`SELECT name FROM team WHERE la_code = '933'`.execute(t.db)).rows;
    expect(team).toEqual([{ name: '=HYPERLINK("http://evil.example","click")' }]);
    const out = await exportReturn(t.db, { laCode: '933', year: 2024, format: 'workforce' });
    const text = Buffer.from(out.files['workforce_2024.csv']!).toString('utf8');
    expect(text.split('\r\n')[1]).toBe('SW1,social_worker,T1,"\'=HYPERLINK(""http://evil.example"",""click"")",cin,1,N,01/09/2020,,0');
    // Reading the export back gives the original text, not the apostrophe.
    const again = await importFiles(t.db, { laCode: '933', files: [{ name: 'workforce_2024.csv', data: out.files['workforce_2024.csv']! }] });
    expect(again.counts.team).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 1 });
  });

  it('bulk loading without triggers still refuses a row whose parent is missing (set-based check)', async () => {
    const rollback = new Error('rollback');
    const outcome = t.db.transaction().execute(async (trx) => {
      expect(await canSkipTriggers(trx, ['referral'])).toBe(true); // a superuser on both test databases
      const batch = await trx.insertInto('import_batch').values({ la_code: '933', format: 'cin', file_name: 'x', file_hash: 'x', imported_by: 'test' }).returning('batch_id').executeTakeFirstOrThrow();
      await setTriggers(trx, false);
      await sql`INSERT INTO referral (la_code, referral_id, child_id, referral_date, source, batch_id) VALUES ('933', 'R1', 'NOBODY', '2024-01-01', '1A', ${batch.batch_id})`.execute(trx);
      await setTriggers(trx, true);
      await expect(checkForeignKeys(trx, 'referral', '933', [Number(batch.batch_id)], ['referral_id'])).rejects.toThrow(
        'referral: a row refers to a child that does not exist (referral_la_code_child_id_fkey): referral_id=R1 child_id=NOBODY',
      );
      throw rollback;
    });
    await expect(outcome).rejects.toBe(rollback);
    expect((await sql`SELECT count(*)::int AS n FROM referral WHERE la_code = '933'`.execute(t.db)).rows).toEqual([{ n: 0 }]);
  });
});
