import { describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase, testDatabaseKind } from '../support/database.js';

// A server that closes idle connections (restart, failover, DROP DATABASE ... FORCE) must not crash us.
describe.runIf(testDatabaseKind === 'postgres')('PostgreSQL pool', () => {
  it('survives the server terminating an idle connection, and keeps answering', async () => {
    const t = await createTestDatabase();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { rows } = await sql<{ pid: number; db: string }>`SELECT pg_backend_pid() AS pid, current_database() AS db`.execute(t.db);
      const admin = new pg.Client({ connectionString: process.env.CSC_TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres' });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('PostgreSQL closed an idle connection'));
      const again = await sql<{ one: number }>`SELECT 1 AS one`.execute(t.db);
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      warn.mockRestore();
      await t.dispose();
    }
  });

  it('opens every pooled connection without JIT and parallel workers (the indicator suite runs many mid-sized queries at once)', async () => {
    const t = await createTestDatabase();
    try {
      const settings = sql<{ jit: string; workers: string; pid: number }>`SELECT current_setting('jit') AS jit,
        current_setting('max_parallel_workers_per_gather') AS workers, pg_backend_pid() AS pid FROM pg_sleep(0.05)`;
      // Several at once, so the pool opens several connections.
      const rows = (await Promise.all(Array.from({ length: 4 }, () => t.db.transaction().execute((trx) => settings.execute(trx))))).map((r) => r.rows[0]!);
      expect(new Set(rows.map((r) => r.pid)).size).toBeGreaterThan(1);
      for (const r of rows) expect([r.jit, r.workers]).toEqual(['off', '0']);
    } finally {
      await t.dispose();
    }
  });
});
