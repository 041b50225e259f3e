import type { Kysely } from 'kysely';
import { assertValidRows } from '../model/records/index.js';
import { copyRows } from './bulk-insert.js';
import { explainDatabaseError } from './errors.js';
import type { Database, TableName } from './schema.js';

/**
 * The one way domain code writes canonical rows: validate every row against the model's
 * rules (all problems reported at once), then bulk-load. Use inside a transaction so a
 * refused batch leaves nothing behind.
 */
export async function writeRecords(
  db: Kysely<Database>,
  table: TableName,
  rows: readonly Record<string, unknown>[],
  options: { columns?: readonly string[]; onProgress?: (done: number) => void; validate?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  if (options.validate !== false) assertValidRows(table, rows);
  const columns = options.columns ?? unionOfKeys(rows);
  try {
    return await copyRows(db, table, rows, { columns, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  } catch (error) {
    throw explainDatabaseError(error, table);
  }
}

function unionOfKeys(rows: readonly Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key in row) keys.add(key);
  return [...keys];
}
