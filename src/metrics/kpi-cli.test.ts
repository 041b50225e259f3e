import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openMigrated } from '../db/index.js';
import { buildProgram } from '../cli/program.js';
import { tempDataDir, testDatabaseKind } from '../../test/support/cli.js';
import { CRAFTED_LA, loadCraftedAuthority } from './test-fixtures/crafted-authority.js';
import { CRAFTED_EQUITY, CRAFTED_ETHNIC_POPULATION } from './test-fixtures/crafted-expectations.js';
import { writeFileSync } from 'node:fs';

/**
 * Runs the real `csc` program in this process (a child process per run costs many seconds of
 * TypeScript start-up on a loaded machine) and captures what it prints.
 */
async function csc(args: string[]): Promise<{ stdout: string; error: string | null }> {
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  const log = console.log;
  process.stdout.write = ((chunk: string | Uint8Array) => { stdout += String(chunk); return true; }) as typeof process.stdout.write;
  console.log = (...parts: unknown[]) => { stdout += `${parts.join(' ')}\n`; };
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'csc', ...args]);
    return { stdout, error: null };
  } catch (e) {
    return { stdout, error: e instanceof Error ? e.message : String(e) };
  } finally {
    process.stdout.write = write;
    console.log = log;
  }
}

// The command's behaviour does not depend on the database; exercise it on the embedded one.
describe.runIf(testDatabaseKind === 'pglite')('csc kpi', () => {
  const dataDir = tempDataDir();
  beforeAll(async () => {
    const handle = await openMigrated({ dataDir });
    try {
      await loadCraftedAuthority(handle.db);
    } finally {
      await handle.close();
    }
  });

  it('prints values, breakdowns and JSON for chosen indicators', async () => {
    const json = await csc(['--data-dir', dataDir, 'kpi', '--la', CRAFTED_LA, '--year', '2024', '--indicator', 'REF-01,CLA-01', '--breakdown', 'sex', '--format', 'json']);
    expect(json.error).toBeNull();
    const rows = JSON.parse(json.stdout) as { id: string; value: number; rate: number; breakdowns: { key: string; value: number }[] }[];
    expect(rows.map((r) => [r.id, r.value, r.rate])).toEqual([['REF-01', 7, 3.5], ['CLA-01', 4, 2]]);
    expect(rows[0]!.breakdowns.map((b) => [b.key, b.value])).toEqual([['F', 4], ['M', 3]]);
    const table = await csc(['--data-dir', dataDir, 'kpi', '--la', CRAFTED_LA, '--year', '2024', '--indicator', 'ASM-02']);
    expect(table.stdout).toMatch(/ASM-02\s+Assessments completed within 45 working days\s+2024\s+total\s+75/);
  });

  it('computes several authorities, or all of them, into one table led by the authority code', async () => {
    const handle = await openMigrated({ dataDir });
    try {
      await loadCraftedAuthority(handle.db, '998');
    } finally {
      await handle.close();
    }
    const all = await csc(['--data-dir', dataDir, 'kpi', '--la', 'all', '--year', '2024', '--indicator', 'REF-01,CLA-01', '--format', 'csv']);
    expect(all.error).toBeNull();
    const lines = all.stdout.trim().split('\n');
    expect(lines[0]).toBe('la,indicator,title,year,period,breakdown,key,value,unit,numerator,denominator,rate,note');
    const totals = lines.slice(1).map((l) => l.split(',')).filter((c) => c[5] === 'total').map((c) => [c[0], c[1], c[7]]);
    expect(totals).toEqual([['998', 'REF-01', '7'], ['998', 'CLA-01', '4'], ['999', 'REF-01', '7'], ['999', 'CLA-01', '4']]);
    const listed = await csc(['--data-dir', dataDir, 'kpi', '--la', '999,998', '--year', '2024', '--indicator', 'REF-01', '--format', 'json']);
    expect((JSON.parse(listed.stdout) as { laCode: string; value: number }[]).map((r) => [r.laCode, r.value])).toEqual([['999', 7], ['998', 7]]);
    const bad = await csc(['--data-dir', dataDir, 'kpi', '--la', '999,98', '--year', '2024']);
    expect(bad.error).toMatch(/--la must be a 3-digit DfE code.*"999,98"/);
    const trend = await csc(['--data-dir', dataDir, 'kpi', '--la', 'all', '--year', '2024', '--trend']);
    expect(trend.error).toMatch(/--trend is for one authority/);
  });

  it('writes publishable CSV with small counts withheld, and XLSX', async () => {
    const out = join(dataDir, 'kpi.csv');
    const csv = await csc(['--data-dir', dataDir, 'kpi', '--la', CRAFTED_LA, '--year', '2024', '--indicator', 'REF-01', '--breakdown', 'sex', '--publishable', '--format', 'csv', '--out', out]);
    expect(csv.error).toBeNull();
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('indicator,title,year,period,breakdown,key,value,unit,numerator,denominator,rate,note');
    expect(lines[1]).toContain('REF-01,Referrals,2024,2023-04-01 to 2024-03-31,total,,7,count,7,,3.5,');
    expect(lines.slice(2).every((l) => l.includes(',c,count,c,'))).toBe(true);
    const xlsx = join(dataDir, 'kpi.xlsx');
    expect((await csc(['--data-dir', dataDir, 'kpi', '--la', CRAFTED_LA, '--year', '2024', '--indicator', 'CPP-01', '--format', 'xlsx', '--out', xlsx])).error).toBeNull();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.getWorksheet('kpi')!.getRow(2).getCell(7).value).toBe(2);
  });

  it('gives a trend table and the catalogue', async () => {
    const trend = await csc(['--data-dir', dataDir, 'kpi', '--la', CRAFTED_LA, '--year', '2024', '--trend', '--indicator', 'REF-01', '--format', 'json']);
    expect(JSON.parse(trend.stdout)[0].change1y).toBe(337.5);
    const list = await csc(['kpi', '--list', '--format', 'json']);
    expect((JSON.parse(list.stdout) as { id: string }[]).length).toBeGreaterThanOrEqual(60);
  });

  it('reads the population by ethnic group for EQ-01 from --ethnic-population, and names a bad row', async () => {
    const file = join(dataDir, 'ethnic-population.csv');
    writeFileSync(file, `ethnicity,population\n${Object.entries(CRAFTED_ETHNIC_POPULATION).map(([code, n]) => `${code},${n}`).join('\n')}\n`);
    const run = await csc(['--data-dir', dataDir, 'kpi', '--la', CRAFTED_LA, '--year', '2024', '--indicator', 'EQ-01', '--format', 'json', '--ethnic-population', file]);
    expect(run.error).toBeNull();
    const [eq] = JSON.parse(run.stdout) as { value: number }[];
    expect(eq!.value).toBe(CRAFTED_EQUITY['EQ-01'].value);
    writeFileSync(file, 'ethnicity,population\nWBRI,many\n');
    const bad = await csc(['--data-dir', dataDir, 'kpi', '--la', CRAFTED_LA, '--year', '2024', '--indicator', 'EQ-01', '--ethnic-population', file]);
    expect(bad.error).toBe(`${file}: row 2, column population: "many" is not a whole number of children`);
  });

  it('fails with one clear sentence on bad options', async () => {
    expect((await csc(['--data-dir', dataDir, 'kpi', '--la', CRAFTED_LA, '--year', '2024', '--indicator', 'XYZ-9'])).error).toBe('unknown indicator "XYZ-9" (see csc kpi --list)');
    expect((await csc(['kpi', '--la', '93', '--year', '2024'])).error).toContain('--la must be a 3-digit DfE code');
    expect((await csc(['kpi', '--la', CRAFTED_LA, '--year', '2024', '--format', 'xlsx'])).error).toContain('--format xlsx needs --out FILE');
  });
});
