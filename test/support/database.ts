import { appendFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openDatabase, migrateToLatest, type CscDatabase } from '../../src/db/index.js';

/**
 * Which database the suite runs on: CSC_TEST_DATABASE=pglite (default) or postgres, in which
 * case CSC_TEST_DATABASE_URL points at a server where we may create throwaway databases.
 * CI runs the suite once each way (.ci/run); a marker file proves the server run happened.
 */
export const testDatabaseKind: 'pglite' | 'postgres' = process.env.CSC_TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

const serverUrl = process.env.CSC_TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends CscDatabase {
  /** Drops the throwaway database (PostgreSQL) or discards the in-memory one. */
  dispose(): Promise<void>;
}

function markRun(): void {
  const marker = process.env.CSC_TEST_MARKER;
  if (!marker) return;
  mkdirSync(new URL('.', `file://${marker}`).pathname, { recursive: true });
  appendFileSync(marker, `${testDatabaseKind}\n`);
}

let migratedTemplate: Promise<Blob> | undefined;

/** One migrated embedded database per test process; each test starts from a copy of it. */
function pgliteTemplate(): Promise<Blob> {
  migratedTemplate ??= (async () => {
    const template = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(template.db as unknown as Kysely<unknown>);
    const dump = await template.dumpDataDir!();
    await template.close();
    return dump;
  })();
  return migratedTemplate;
}

/** A fresh, migrated, empty database of the kind under test. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  markRun();
  if (testDatabaseKind === 'pglite') {
    const loadDataDir = options.migrate === false ? undefined : await pgliteTemplate();
    const handle = await openDatabase({ dataDir: 'memory://', loadDataDir });
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `csc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 4 });
  if (options.migrate !== false) await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
