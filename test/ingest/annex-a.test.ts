import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { sql, type Kysely } from 'kysely';
import { addAuthority, type Database } from '../../src/db/index.js';
import { exportReturn } from '../../src/export/index.js';
import { ANNEX_A_LISTS, importFiles, type InputFile } from '../../src/ingest/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { AS_AT, annexAAuthority } from './annex-a-authority.js';
import { loadAuthority } from './fixture-authority.js';
import { countRows } from './support.js';

/** Tables Annex A carries, compared row for row (allocations by child, worker and role only). */
const CARRIED: Record<string, string> = {
  team: 'team_id', child: 'child_id', child_disability: 'child_id', contact: 'contact_id', early_help_assessment: 'early_help_id', referral: 'referral_id',
  assessment: 'assessment_id', strategy_discussion: 'strategy_id', s47_enquiry: 's47_id', cp_plan: 'cp_plan_id', cp_conference: 'conference_id',
  care_period: 'period_id', cla_episode: 'episode_id', cla_review: 'review_id', visit: 'visit_id', health_check: 'check_id',
  care_leaver: 'child_id', adoption_decision: 'decision_id', adopter_household: 'household_id',
};

async function rows(db: Kysely<Database>, la: string, table: string, order: string): Promise<Record<string, unknown>[]> {
  const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE la_code = ${la} ORDER BY ${sql.raw(order)}`.execute(db);
  return result.rows.map(({ batch_id: _b, la_code: _l, ...rest }) => rest);
}

const files = (out: { files: Record<string, Uint8Array> }): InputFile[] => Object.entries(out.files).map(([name, data]) => ({ name, data }));
const text = (out: { files: Record<string, Uint8Array> }) => Object.fromEntries(Object.entries(out.files).map(([n, d]) => [n, Buffer.from(d).toString('utf8')]));
/** Placement location is relative to the authority: 931's own placements are out of area for a copy under another code. */
const asCopy = (lists: Record<string, string>) => Object.fromEntries(Object.entries(lists).map(([n, s]) => [n, s.replace('a) In,931', 'b) Out,931')]));

// One database for the file (CI time): 931 holds the crafted authority, the others start empty.
let t: TestDatabase;
let csv: { files: Record<string, Uint8Array> };
let xlsx: { files: Record<string, Uint8Array>; warnings: string[] };
beforeAll(async () => {
  t = await createTestDatabase();
  await loadAuthority(t.db, annexAAuthority(), '931');
  for (const la of ['932', '933', '934', '939']) await addAuthority(t.db, { laCode: la, name: `Copy ${la}` });
  csv = await exportReturn(t.db, { laCode: '931', year: 2025, format: 'annex-a-csv' });
  xlsx = await exportReturn(t.db, { laCode: '931', year: 2025, format: 'annex-a', asAt: AS_AT });
}, 180_000);
afterAll(async () => t?.dispose());

describe('Annex A: export, import, round trip', () => {
  it('writes the lists with Ofsted template values, derived columns and defused formulas', () => {
    const lists = text(csv);
    expect(Object.keys(lists)).toHaveLength(11);
    const list3 = lists['annex_a_2025-03-31_list_03.csv']!.split('\r\n');
    expect(list3[0]).toBe('Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker');
    // C6 first (1 October), then C1; ages at 31 March 2025; referrals in 12 months minus this one.
    expect(list3.slice(1, 3)).toEqual([
      'C6,b) Female,CHNE,09/09/2018,6,01/10/2024,5A,b) No,0,Assessment North,W1',
      'C1,a) Male,WBRI,01/05/2015,9,11/10/2024,2A,b) No,0,Assessment North,W1',
    ]);
    const list6 = lists['annex_a_2025-03-31_list_06.csv']!.split('\r\n');
    expect(list6[1]).toBe('C6,b) Female,CHNE,09/09/2018,6,c) Unknown,01/10/2024,N4,,01/12/2024,RC7,e) Closed episode,Assessment North,W1');
    expect(list6[2]).toBe('C1,a) Male,WBRI,01/05/2015,9,b) No,11/10/2024,N1,01/03/2025,,,b) Child Protection plan,Assessment North,W1');
    const list8 = lists['annex_a_2025-03-31_list_08.csv']!;
    expect(list8).toContain(`C3,b) Female,BAFR,07/07/2010,14,a) Yes,c) Unknown,01/06/2024,N1,b) No,01/06/2024,C2,15/01/2025,20/02/2025,,,01/12/2024,05/01/2025,1,,,01/06/2024,U1,b) PR1: Own provision,OX1 1AA,SC123456,a) In,931,0,0,,,"'=HYPERLINK(""http://evil.example"",""LAC"")",W2`);
    expect(lists['annex_a_2025-03-31_list_11.csv']!.split('\r\n').slice(1, 3).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['H1-1,H1', 'H1-2,H1']);
    expect(xlsx.warnings).toHaveLength(1);
  });

  it('is byte-for-byte stable', async () => {
    const again = await exportReturn(t.db, { laCode: '931', year: 2025, format: 'annex-a', asAt: AS_AT });
    expect(Buffer.from(again.files['annex_a_2025-03-31.xlsx']!).equals(Buffer.from(xlsx.files['annex_a_2025-03-31.xlsx']!))).toBe(true);
  });

  it('round trip: the CSV lists imported into an empty authority give the same records, and export the same bytes', async () => {
    const report = await importFiles(t.db, { laCode: '932', files: files(csv) });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.batches.map((b) => [b.format, b.year])).toEqual(Array.from({ length: 11 }, () => ['annex-a', 2025]));
    for (const [table, order] of Object.entries(CARRIED)) {
      expect({ table, rows: await rows(t.db, '932', table, order) }).toEqual({ table, rows: await rows(t.db, '931', table, order) });
    }
    const allocations = async (la: string) => (await rows(t.db, la, 'allocation', 'child_id, allocation_role')).map((a) => `${String(a.child_id)} ${String(a.worker_id)} ${String(a.allocation_role)}`);
    expect(await allocations('932')).toEqual(await allocations('931'));
    const back = await exportReturn(t.db, { laCode: '932', year: 2025, format: 'annex-a-csv' });
    expect(text(back)).toEqual(asCopy(text(csv)));
  });

  it('imports the workbook to the same records, and again changes nothing', async () => {
    const report = await importFiles(t.db, { laCode: '933', files: files(xlsx) });
    expect(report.issues.filter((i) => i.severity !== 'notice')).toEqual([]);
    const back = await exportReturn(t.db, { laCode: '933', year: 2025, format: 'annex-a-csv' });
    expect(text(back)).toEqual(asCopy(text(csv)));
    const again = await importFiles(t.db, { laCode: '933', files: files(xlsx) });
    expect(again.ok).toBe(true);
    expect(again.batches.map((b) => b.status)).toEqual(['unchanged']);
    expect(Object.values(again.counts).every((c) => c.inserted === 0 && c.updated === 0 && c.deleted === 0)).toBe(true);
  });

  it('merges with children already loaded from a CIN census: same child, same referral, differences listed', async () => {
    const cin = await exportReturn(t.db, { laCode: '931', year: 2025, format: 'cin' });
    const xml = Object.entries(cin.files).map(([name, data]) => ({ name, data: Buffer.from(Buffer.from(data).toString('utf8').replace('<LEA>931</LEA>', '<LEA>934</LEA>')) }));
    const first = await importFiles(t.db, { laCode: '934', files: xml });
    expect(first.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const before = await rows(t.db, '934', 'referral', 'referral_id');
    // The Annex A says C1's referral came from health (3A); the census said schools (2A).
    const lists = files(csv).map((f) => (f.name.endsWith('list_03.csv') ? { ...f, data: Buffer.from(Buffer.from(f.data).toString('utf8').replace('11/10/2024,2A', '11/10/2024,3A')) } : f));
    const report = await importFiles(t.db, { laCode: '934', files: lists, dryRun: true });
    expect(report.ok).toBe(true);
    expect(report.counts.child).toMatchObject({ inserted: 4, updated: 0 }); // C1 and C6 are the CIN census's; C2-C5 are not in it
    expect(report.counts.referral).toMatchObject({ inserted: 0 });
    expect(report.differences.map(({ table, key, column, earlier, later, outcome }) => ({ table, key, column, earlier, later, outcome }))).toEqual([
      { table: 'referral', key: 'C1:REF:2024-10-11', column: 'source', earlier: { value: '2A', year: 2025 }, later: { value: '3A', year: 2025 }, outcome: 'replaced' },
    ]);
    const written = await importFiles(t.db, { laCode: '934', files: lists });
    expect(written.ok).toBe(true);
    const after = await rows(t.db, '934', 'referral', 'referral_id');
    expect(after.map((r) => r.referral_id)).toEqual(before.map((r) => r.referral_id));
    expect(after.map((r) => [r.referral_id, r.team_id, r.worker_id])).toEqual([
      ['C1:REF:2024-10-11', 'Assessment North', 'W1'], ['C6:REF:2024-10-01', 'Assessment North', 'W1'],
    ]);
  });
});

/** Hostile Annex A inputs, generated here: every problem reported at once, exactly, and nothing written. */
const header = (list: number) => ANNEX_A_LISTS[list - 1]!.columns.map((c) => (c.header.includes(',') ? `"${c.header}"` : c.header)).join(',');
const utf8 = (name: string, text: string): InputFile => ({ name, data: Buffer.from(text, 'utf8') });
const brief = (issues: { severity: string; file: string; line: number; column: string; rule: string }[]) => issues.map((i) => `${i.severity} ${i.file}:${i.line} ${i.column} ${i.rule}`);

describe('Annex A hostile inputs', () => {
  async function refused(files: InputFile[], format?: 'annex-a') {
    const report = await importFiles(t.db, { laCode: '939', files, ...(format ? { format } : {}) });
    expect(report.ok).toBe(false);
    expect(report.batches.every((b) => b.status === 'refused')).toBe(true);
    expect(await countRows(t.db, '939')).toBe(0);
    return report;
  }

  it('a referrals list in Windows-1252 with a BOM, odd header spacing, blank lines and bad values: all reported', async () => {
    const head = header(3).replace('Child Unique ID', '  child unique ID ').replace('Gender', 'GENDER');
    const text = [
      head,
      'C1,a) Male,WBRI,01/05/2015,9,31/02/2024,2A,b) No,0,Equipe café,W1',
      '',
      '  C2 , x) Martian ,WBRI,01/05/2015,9,01/10/2024,2A,b) No,0,Team,W1',
      `C3,b) Female,WBRI,01/05/2015,9,01/10/2024,2A,b) No,0,Team,${'W'.repeat(10_000)}`,
      'C4,b) Female,WBRI,01/05/2015,9,01/10/2024,ZZ,b) No,0,"=HYPERLINK(""http://evil.example"",""x"")",W1',
      'C5,b) Female,WBRI,2015-13-01,9,,2A,maybe,-1,Team,W1',
      '',
    ].join('\r\n');
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'win1252')]);
    const report = await refused([{ name: 'referrals.csv', data }]);
    expect(brief(report.issues)).toEqual([
      'notice referrals.csv:2  encoding',
      'error referrals.csv:2 Date of referral date',
      'error referrals.csv:4 Gender code-list:annexA.Gender',
      'error referrals.csv:5 Allocated Worker max-length',
      'error referrals.csv:6 Referral Source code-list:cin.ReferralSource',
      'error referrals.csv:7 Date of Birth date',
      'error referrals.csv:7 Date of referral required',
      'error referrals.csv:7 Referral NFA? code-list:annexA.YesNo',
      'error referrals.csv:7 Number of Referrals in Last 12 Months integer',
    ]);
    expect(report.issues[1]!.message).toBe('"31/02/2024" is not a real calendar date');
    expect(report.issues[3]!.value).toHaveLength(80); // a 10,000-character value is clipped in the report
  });

  it('a truncated workbook', async () => {
    const out = await exportReturn(t.db, { laCode: '931', year: 2025, format: 'annex-a' });
    const whole = Object.values(out.files)[0]!;
    const report = await refused([{ name: 'annex_a.xlsx', data: whole.subarray(0, Math.floor(whole.length / 2)) }]);
    expect(brief(report.issues)).toEqual(['error annex_a.xlsx:0  xlsx']);
  });

  it('an assessment with no referral, a new child without a date of birth, duplicate rows', async () => {
    const assessments = [header(4), 'C9,a) Male,WBRI,01/05/2015,9,b) No,12/10/2024,a) Yes,01/11/2024,a) Yes,Team,W1'].join('\n');
    const contacts = [header(1), 'C8,a) Male,WBRI,,,10/10/2024,1A'].join('\n');
    const referrals = [header(3), 'C7,a) Male,WBRI,01/05/2015,9,01/10/2024,2A,b) No,0,Team,W1', 'C7,a) Male,WBRI,01/05/2015,9,01/10/2024,3A,b) No,0,Team,W1'].join('\n');
    const report = await refused([utf8('list4.csv', assessments), utf8('list1.csv', contacts), utf8('list3.csv', referrals)]);
    expect(brief(report.issues)).toEqual([
      'error list3.csv:3 Child Unique ID duplicate',
    ]);
    const again = await refused([utf8('list4.csv', assessments), utf8('list1.csv', contacts)]);
    expect(brief(again.issues)).toEqual([
      'error list1.csv:2 Date of Birth required',
      'error list4.csv:2 Continuous Assessment Start Date referral',
    ]);
    expect(again.issues[1]!.message).toBe('Child C9 has no referral on or before 2024-10-12 (in lists 3 or 6, a CIN census or the database)');
  });

  it('a file forced as Annex A that is not one', async () => {
    const report = await refused([utf8('notes.csv', 'Name,Comment\nJo,hello\n')], 'annex-a');
    expect(brief(report.issues)).toEqual(['error notes.csv:1  header']);
  });
});
