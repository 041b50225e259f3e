export { openDatabase, DEFAULT_DATA_DIR, type CscDatabase, type DatabaseKind, type OpenOptions } from './connect.js';
export { migrateToLatest, migrationStatus, type MigrationState } from './migrate.js';
export { copyRows } from './bulk-insert.js';
export { writeRecords } from './write-records.js';
export { explainDatabaseError, DatabaseRuleError } from './errors.js';
export { canSkipTriggers, checkForeignKeys, foreignKeysOf, setTriggers, type ForeignKey, type RowsToCheck } from './foreign-key-checks.js';
export { addAuthority, listAuthorities, type AuthorityInput, type AuthoritySummary } from './authorities.js';
export type * from './schema.js';

import type { Kysely } from 'kysely';
import { openDatabase, type OpenOptions, type CscDatabase } from './connect.js';
import { migrateToLatest } from './migrate.js';

/** Opens a database and brings its schema up to date: what every command wants. */
export async function openMigrated(options: OpenOptions = {}): Promise<CscDatabase> {
  const handle = await openDatabase(options);
  try {
    await migrateToLatest(handle.db as unknown as Kysely<unknown>);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
