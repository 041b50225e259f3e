/** The real `csc caseload` and `csc workforce` commands on a crafted embedded database. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMigrated } from '../db/index.js';
import { runCli, tempDataDir, testDatabaseKind } from '../../test/support/cli.js';
import { craftScenario } from './crafted.test-support.js';

describe.runIf(testDatabaseKind === 'pglite')('csc caseload and csc workforce', () => {
  const dataDir = tempDataDir();
  const cli = (...args: string[]) => runCli(['--data-dir', dataDir, ...args]);

  beforeAll(async () => {
    const handle = await openMigrated({ dataDir });
    try {
      const crafted = craftScenario('931');
      crafted.rows.team[0]!.name = '=HYPERLINK("http://x")'; // a hostile team name from a source system
      await crafted.write(handle.db, 'Oxfordshire');
    } finally {
      await handle.close();
    }
  }, 180_000);

  it('writes CSV and XLSX with formula-like text made inert', async () => {
    const csvFile = join(dataDir, 'teams.csv');
    expect(cli('caseload', '--la', '931', '--date', '2024-09-30', '--format', 'csv', '--out', csvFile).status).toBe(0);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^name,teamType,service/);
    // FS1 under the csc-default standard (family support 14-16; ASYE 0.7 × 16): 22 + 12 + 10 cases, capacity 16 + 8 + 11.2.
    const fs1 = csv.split('\n').find((line) => line.includes('HYPERLINK'))!;
    expect(fs1.startsWith(`"'=HYPERLINK(""http://x"")",family_support_cp,Safeguarding,North,3,2.5,44,17.6,14.67,10,24,35.2,`)).toBe(true);
    const xlsx = join(dataDir, 'plan.xlsx');
    const out = cli('workforce', 'plan', '--la', '931', '--date', '2024-09-30', '--projected-cla', '20', '--projected-cp', '30', '--format', 'xlsx', '--out', xlsx);
    expect(out.stderr).toBe('');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Capacity plan', 'Agency replacement', 'Posts for demand']);
    const scopes = book.getWorksheet('Capacity plan')!.getColumn(1).values;
    expect(scopes).toContain(`'=HYPERLINK("http://x")`);
    expect(scopes).not.toContain('=HYPERLINK("http://x")');
  }, 180_000);
});
