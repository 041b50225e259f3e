import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from './pglite-dialect.js';
import { createPostgresPool } from './postgres-pool.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenOptions {
  /** PostgreSQL connection string; when set, the server is used instead of the embedded database. */
  url?: string | undefined;
  /** Folder of the embedded database, or 'memory://' for a throwaway one. Default './.csc'. */
  dataDir?: string | undefined;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number | undefined;
  /** Start the embedded database from a dump made by `dumpDataDir` (PGlite only). */
  loadDataDir?: Blob | undefined;
}

export interface CscDatabase {
  kind: DatabaseKind;
  db: Kysely<Database>;
  /** Where the data lives, for messages: the folder or the server (without password). */
  location: string;
  close(): Promise<void>;
  /** A copy of the whole embedded database, to start others from (PGlite only). */
  dumpDataDir?: () => Promise<Blob>;
}

export const DEFAULT_DATA_DIR = './.csc';

/** Opens the embedded database, or PostgreSQL when a URL is given (or DATABASE_URL is set). */
export async function openDatabase(options: OpenOptions = {}): Promise<CscDatabase> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const pool = createPostgresPool(url, options.poolSize);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`Could not connect to PostgreSQL at ${redact(url)}: ${(error as Error).message}`);
    }
    return { kind: 'postgres', db, location: redact(url), close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(inMemory ? dataDir : resolve(dataDir), {
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: {
      [types.DATE]: (value: string) => value,
      [types.INT8]: (value: string) => Number(value),
      [types.NUMERIC]: (value: string) => Number(value),
    },
  });
  // The embedded database is ours to tune: its one session sorts and hashes indicator units in
  // memory instead of spilling to temporary files (suite on 1.76 M rows 1.89 -> 1.73 s).
  await client.exec(`SET work_mem = '${PGLITE_WORK_MEM}'`);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    kind: 'pglite',
    db,
    location: inMemory ? 'memory' : resolve(dataDir),
    close: () => db.destroy(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

const PGLITE_WORK_MEM = '64MB';

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured PostgreSQL server';
  }
}
