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
});
