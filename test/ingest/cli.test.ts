import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir, testDatabaseKind } from '../support/cli.js';
import { FIXTURES } from './files.js';

// The command line is the same on both databases: exercise it on the embedded one.
describe.runIf(testDatabaseKind === 'pglite')('csc import / csc export', () => {
  const dataDir = tempDataDir();
  const out = mkdtempSync(join(tmpdir(), 'csc-export-'));

  // Each run of the CLI starts a process and opens the database: keep the runs few.
  it('imports two years of SSDA903 and exports a year', () => {
    expect(runCli(['--data-dir', dataDir, 'la', 'add', '931', 'Oxfordshire']).status).toBe(0);
    const real = runCli(['--data-dir', dataDir, 'import', '--la', '931', '--errors', join(out, 'problems.json'), join(FIXTURES, 'ssda903/2023'), join(FIXTURES, 'ssda903/2024')]);
    expect(real.stderr).toBe('');
    expect(real.status).toBe(0);
    expect(real.stdout).toContain('Import complete.');
    expect(real.stdout).toContain('2 difference(s) between returns');
    expect(JSON.parse(readFileSync(join(out, 'problems.json'), 'utf8'))).toEqual([]);

    const exported = runCli(['--data-dir', dataDir, 'export', '--la', '931', '--year', '2024', '--format', '903', '--out', join(out, '2024')]);
    expect(exported.status).toBe(0);
    expect(readdirSync(join(out, '2024'))).toContain('ssda903_2024_Episodes.csv');
    expect(readFileSync(join(out, '2024', 'ssda903_2024_Episodes.csv'), 'utf8')).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n' +
        'A1,01/05/2022,S,C2,N1,U6,PR1,10/08/2023,X1,CARPL,OX4 1AA,OX1 1AA,\r\n' +
        'A1,10/08/2023,P,C2,N1,K2,PR4,,,,,,SC123456\r\n' +
        'B2,16/01/2023,S,C1,N1,K2,PR4,20/02/2024,E4A,,,,SC654321\r\n',
    );

    const annexA = runCli(['--data-dir', dataDir, 'export', '--la', '931', '--year', '2024', '--as-at', '2024-03-31', '--format', 'annex-a-csv', '--out', join(out, 'annex-a')]);
    expect(annexA.status).toBe(0);
    expect(readdirSync(join(out, 'annex-a'))).toHaveLength(11);
    // B2 ceased care on 20 February 2024, within the six months before 31 March: on list 8.
    expect(readFileSync(join(out, 'annex-a', 'annex_a_2024-03-31_list_08.csv'), 'utf8')).toContain(',20/02/2024,e) E4A: Returned home – part of planning,16/01/2023,K2,');
  }, 400_000);
});
