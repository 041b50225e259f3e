import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir, testDatabaseKind } from '../support/cli.js';

const root = new URL('../..', import.meta.url).pathname;
const running: ChildProcess[] = [];

/** Starts `csc start` on a free port and resolves once it prints its address. */
function start(dataDir: string): Promise<{ output: string; url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'bin/csc.js'), '--data-dir', dataDir, 'start', '--port', '0', '--demo-la', '857', '--demo-from', '2025', '--demo-to', '2025'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: undefined },
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`csc start did not come up:\n${output}`)), 240_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+) /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ output, url: match[1]!, process: child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`csc start exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

afterAll(async () => {
  for (const child of running) await stop(child);
});

// `npm start` is `csc start` on the embedded database; one small demo authority keeps it quick.
describe.runIf(testDatabaseKind === 'pglite')('csc start (npm start)', () => {
  const dataDir = tempDataDir();

  it('creates the demo once, prints one user per role, serves the app and signs users in', async () => {
    const first = await start(dataDir);
    expect(first.output).toContain('Created demo authority 857');
    const users = [...first.output.matchAll(/^\s+(\w+)\s+(\S+@demo\.example)\s+(\S+)$/gm)].map((m) => ({ role: m[1]!, email: m[2]!, password: m[3]! }));
    expect(users.map((u) => u.role).sort()).toEqual(['administrator', 'finance', 'iro', 'performance_analyst', 'service_manager', 'social_worker', 'team_manager']);

    const page = await fetch(first.url + '/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const analyst = users.find((u) => u.role === 'performance_analyst')!;
    const login = await fetch(first.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: analyst.email, password: analyst.password }),
    });
    expect(login.status).toBe(200);
    const wrong = await fetch(first.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: analyst.email, password: 'not the password' }),
    });
    expect(wrong.status).toBe(401);
    await stop(first.process);

    const second = await start(dataDir);
    expect(second.output).toContain('Using demo authority 857');
    expect(second.output).not.toContain('Built the web app');
    for (const user of users) expect(second.output).toContain(user.password);
    await stop(second.process);
  }, 600_000);
});
