import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir, testDatabaseKind } from '../support/cli.js';

// The CLI's own behaviour is the same on both databases; exercise it on the embedded one once.
describe.runIf(testDatabaseKind === 'pglite')('csc command line', () => {
  const dataDir = tempDataDir();

  it('explains itself with --help', () => {
    const { status, stdout } = runCli(['--help']);
    expect(status).toBe(0);
    for (const command of ['start', 'db', 'la']) expect(stdout).toContain(command);
    expect(stdout).toContain('--data-dir');
  });

  it('migrates a new embedded database and reports status', () => {
    const first = runCli(['--data-dir', dataDir, 'db', 'migrate']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\): 0001-canonical-model, /);
    const again = runCli(['--data-dir', dataDir, 'db', 'migrate']);
    expect(again.stdout).toContain('Already up to date.');
    const status = runCli(['--data-dir', dataDir, 'db', 'status']);
    expect(status.stdout).toContain('pglite');
    expect(status.stdout).toContain('Schema is up to date.');
  });

  it('adds and lists authorities', () => {
    expect(runCli(['--data-dir', dataDir, 'la', 'add', '931', 'Oxfordshire', '--region', 'South East']).stdout).toContain('Added 931 Oxfordshire.');
    const list = runCli(['--data-dir', dataDir, 'la', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([{ laCode: '931', name: 'Oxfordshire', regionName: 'South East', children: 0 }]);
  });

  it('fails with one clear sentence and a non-zero exit code', () => {
    const duplicate = runCli(['--data-dir', dataDir, 'la', 'add', '931', 'Oxfordshire']);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr.trim()).toBe('Error: Authority 931 already exists (Oxfordshire).');
    const badCode = runCli(['--data-dir', dataDir, 'la', 'add', '93', 'Nowhere']);
    expect(badCode.status).toBe(1);
    expect(badCode.stderr).toContain('is not valid: use the 3-digit DfE code');
    expect(badCode.stderr).not.toMatch(/\n\s+at /);
    const unknown = runCli(['--data-dir', dataDir, 'frobnicate']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const server = runCli(['--database-url', 'postgresql://nobody:secret@127.0.0.1:1/none', 'db', 'status']);
    expect(server.status).toBe(1);
    expect(server.stderr).toMatch(/^Error: Could not connect to PostgreSQL at postgresql:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
  });
  it('simulates an authority without writing it and prints the calibration report (csc synth --dry-run --report)', () => {
    const run = runCli(['--data-dir', dataDir, 'synth', '--la', '857', '--from', '2025', '--to', '2025', '--dry-run', '--report']);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/857\s+Rutland\s+2025-2025/);
    expect(run.stdout).toContain('Calibration report for 857: generated vs published DfE figures');
    expect(run.stdout).toMatch(/2025\s+referrals\s+\d+\s+\d+/);
    const list = runCli(['--data-dir', dataDir, 'la', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { laCode: string }[]).map((a) => a.laCode)).not.toContain('857');
    const bad = runCli(['--data-dir', dataDir, 'synth', '--la', '857', '--passes', '21', '--dry-run']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('Error: --passes must be a whole number from 0 to 20 (got "21").');
  });
});
