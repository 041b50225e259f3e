import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKind } from './database.js';

const root = new URL('../..', import.meta.url).pathname;

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `csc` command in a child process. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const result = spawnSync(process.execPath, [join(root, 'bin/csc.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    timeout: 120_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'csc-test-'));
}

export { testDatabaseKind };
