import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigrated, type Database } from '../../src/db/index.js';
import { appendAudit, GENESIS_HASH, verifyAuditChain } from '../../src/server/index.js';
import { AuditQueue } from '../../src/server/audit/audit-queue.js';
import { buildProgram } from '../../src/cli/program.js';
import { runCli, tempDataDir } from '../support/cli.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database.js';
import { createFixture, LA, type Fixture } from './fixture.js';

/** Append-only, hash-chained audit trail: tampering must show, on both databases. */
const CHAIN = '940';
const entry = (n: number) => ({ laCode: LA, userId: 'u1', role: 'social_worker', action: 'read', resource: 'child', resourceId: `C${n}`, childIds: [`C${n}`], outcome: 'allowed' as const, ip: '10.0.0.1', details: { n, nested: { b: 2, a: 1 } } });

/** Runs a `csc` command in this process and returns what it printed. */
async function runInProcess(args: string[]): Promise<string> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => printed.push(parts.join(' '));
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'csc', ...args]);
  } finally {
    console.log = log;
  }
  return printed.join('\n');
}

/** As the database superuser: switch the append-only trigger off, run `work`, switch it back on. */
async function tamper(db: Kysely<Database>, work: () => Promise<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
  try {
    await work();
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
  }
}

let f: Fixture;
beforeAll(async () => {
  f = await createFixture({}, ['sw', 'admin']);
});
afterAll(async () => f?.close());

// The chain tests use authorities of their own (940–943): the audit log has no foreign key to
// local_authority (chain '000' has none), and the fixture's own chains stay untouched.
describe('audit chain', () => {
  let t: Fixture['t'];
  beforeAll(() => {
    t = f.t;
  });

  it('links each entry to the one before, per authority', async () => {
    for (let n = 1; n <= 5; n += 1) await appendAudit(t.db, { ...entry(n), laCode: CHAIN });
    await appendAudit(t.db, { ...entry(99), laCode: '941' });
    const rows = await t.db.selectFrom('audit_log').select(['la_code', 'seq', 'prev_hash', 'hash']).where('la_code', 'in', [CHAIN, '941']).orderBy('la_code').orderBy('seq').execute();
    expect(rows.map((r) => `${r.la_code}:${r.seq}`)).toEqual(['940:1', '940:2', '940:3', '940:4', '940:5', '941:1']);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < 5; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows[5]!.prev_hash).toBe(GENESIS_HASH);
    const reports = await verifyAuditChain(t.db);
    expect(reports.filter((r) => r.laCode >= '940')).toEqual([
      { laCode: '940', entries: 5, ok: true, problems: [] },
      { laCode: '941', entries: 1, ok: true, problems: [] },
    ]);
    expect(reports.every((r) => r.ok)).toBe(true);
  });

  it('the batched queue writes concurrent entries in arrival order, interleaved with direct appends, and the chain verifies', async () => {
    const queue = new AuditQueue(t.db, 2, 7); // batches of at most 7: 40 entries take several flushes
    const queued = Array.from({ length: 40 }, (_, i) => queue.append({ ...entry(100 + i), laCode: i % 2 ? '944' : '945' }));
    const direct = appendAudit(t.db, { ...entry(999), laCode: '944' });
    const results = await Promise.all(queued);
    await direct;
    await queue.drain();
    // Per chain, seq numbers are 1..n with no gap, and the queued entries keep their arrival order.
    const rows = await t.db.selectFrom('audit_log').select(['la_code', 'seq', 'resource_id']).where('la_code', 'in', ['944', '945']).orderBy('la_code').orderBy('seq').execute();
    expect(rows.filter((r) => r.la_code === '944').map((r) => Number(r.seq))).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.la_code === '945').map((r) => r.resource_id)).toEqual(Array.from({ length: 20 }, (_, i) => `C${100 + 2 * i}`));
    expect(results.filter((_, i) => i % 2 === 0).map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const reports = await verifyAuditChain(t.db);
    expect(reports.filter((r) => r.laCode === '944' || r.laCode === '945').map((r) => [r.laCode, r.entries, r.ok])).toEqual([['944', 21, true], ['945', 20, true]]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even from the owner', async () => {
    await expect(sql`UPDATE audit_log SET reason = 'x' WHERE la_code = ${CHAIN} AND seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE la_code = ${CHAIN} AND seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('detects an edited entry (trigger disabled by the superuser)', async () => {
    await tamper(t.db, () => sql`UPDATE audit_log SET user_id = 'someone-else' WHERE la_code = ${CHAIN} AND seq = 3`.execute(t.db));
    const [report] = await verifyAuditChain(t.db, CHAIN);
    expect(report).toEqual({ laCode: CHAIN, entries: 5, ok: false, problems: [{ laCode: CHAIN, seq: 3, problem: 'content does not match its hash (the entry was edited)' }] });
    await tamper(t.db, () => sql`UPDATE audit_log SET user_id = 'u1' WHERE la_code = ${CHAIN} AND seq = 3`.execute(t.db));
    expect((await verifyAuditChain(t.db, CHAIN))[0]!.ok).toBe(true);
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    await tamper(t.db, () => sql`DELETE FROM audit_log WHERE la_code = ${CHAIN} AND seq = 2`.execute(t.db));
    expect((await verifyAuditChain(t.db, CHAIN))[0]!.problems.map((p) => p.seq)).toEqual([3, 3]);
    await tamper(t.db, () => sql`DELETE FROM audit_log WHERE la_code = ${CHAIN} AND seq = 5`.execute(t.db));
    const problems = (await verifyAuditChain(t.db, CHAIN))[0]!.problems;
    expect(problems.at(-1)).toEqual({ laCode: CHAIN, seq: 5, problem: 'the chain head says 5 entries but the log ends at 4 (newest entries deleted)' });
  });

  it('keeps the chain whole under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(t.db, { ...entry(i), laCode: '943' })));
    expect((await verifyAuditChain(t.db, '943'))[0]).toEqual({ laCode: '943', entries: 20, ok: true, problems: [] });
  });
});

describe('audit through the API', () => {
  it('records who, when, what, from where; an administrator searches and verifies it', async () => {
    await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/children/C1`, headers: f.as.sw!.headers });
    const search = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/audit?childId=C1&action=read`, headers: f.as.admin!.headers });
    expect(search.statusCode).toBe(200);
    const body = search.json() as { total: number; items: Record<string, unknown>[] };
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ userId: f.userIds.sw, role: 'social_worker', action: 'read', resource: 'child', resourceId: 'C1', ip: '127.0.0.1', outcome: 'allowed' });
    expect(Date.now() - Date.parse(body.items[0]!.occurredAt as string)).toBeLessThan(60_000);
    const verify = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/audit/verify`, headers: f.as.admin!.headers });
    expect(verify.json()).toMatchObject({ laCode: LA, ok: true, problems: [] });
    await tamper(f.t.db, () => sql`UPDATE audit_log SET ip = '8.8.8.8' WHERE la_code = ${LA} AND action = 'read'`.execute(f.t.db));
    const broken = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/audit/verify`, headers: f.as.admin!.headers });
    expect(broken.json()).toMatchObject({ ok: false, problems: [{ problem: 'content does not match its hash (the entry was edited)' }] });
  });

  it('fails closed: no audit, no data', async () => {
    await sql`ALTER TABLE audit_log RENAME TO audit_log_away`.execute(f.t.db);
    try {
      const response = await f.app.inject({ method: 'GET', url: `/api/authorities/${LA}/children/C1`, headers: f.as.sw!.headers });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('Amira');
      expect(response.json()).toEqual({ code: 'internal_error', message: 'Something went wrong on the server; it has been logged.', details: {} });
    } finally {
      await sql`ALTER TABLE audit_log_away RENAME TO audit_log`.execute(f.t.db);
    }
  });
});

describe('csc user add, csc audit verify and csc audit search', () => {
  it('detects an edited row from the command line', { timeout: 180_000 }, async () => {
    const dataDir = tempDataDir();
    const serverUrl = process.env.CSC_TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
    let target: string[];
    let pg: TestDatabase | undefined;
    if (testDatabaseKind === 'postgres') {
      pg = await createTestDatabase();
      const url = new URL(serverUrl);
      url.pathname = new URL(pg.location.replace('***', 'x')).pathname;
      target = ['--database-url', url.toString()];
    } else {
      target = ['--data-dir', dataDir];
    }
    try {
      // Set up in-process (each CLI run starts a new process and database: slow on a busy machine).
      const handle = pg ?? (await openMigrated({ dataDir }));
      try {
        await handle.db.insertInto('local_authority').values({ la_code: LA, name: 'Oxfordshire', region_name: null }).execute();
        for (let n = 1; n <= 3; n += 1) await appendAudit(handle.db, entry(n));
        await tamper(handle.db, () => sql`UPDATE audit_log SET details = '{"n": 2, "edited": true}'::jsonb WHERE la_code = ${LA} AND seq = 2`.execute(handle.db));
      } finally {
        if (!pg) await handle.close();
      }
      const passwordFile = join(dataDir, 'password.txt');
      writeFileSync(passwordFile, 'first admin passphrase\n');
      // `user add` and `audit search` run in this process (a new process per command is slow on
      // a busy machine); `audit verify` runs as the real command, to check its exit code.
      const added = await runInProcess([...target, 'user', 'add', '--la', LA, '--role', 'administrator', '--email', 'Admin@Example.gov.uk', '--password-file', passwordFile]);
      expect(added).toMatch(/^Added administrator admin@example\.gov\.uk to authority 931/);
      const found = await runInProcess([...target, 'audit', 'search', '--la', LA, '--child', 'C3', '--json']);
      expect(JSON.parse(found)).toMatchObject({ total: 1, rows: [{ seq: 3, resourceId: 'C3', ip: '10.0.0.1' }] });

      const broken = runCli([...target, 'audit', 'verify']);
      expect(broken.status).toBe(1);
      expect(broken.stdout).toContain('931: 3 entries, 1 problem(s)');
      expect(broken.stdout).toContain('entry 2: content does not match its hash (the entry was edited)');
      expect(broken.stderr.trim()).toBe('Error: The audit trail of 931 has been tampered with.');
    } finally {
      await pg?.dispose();
    }
  });
});
