import type { Transaction } from 'kysely';
import { checkForeignKeys as checkRows, type Database } from '../../db/index.js';
import type { ImportTable } from './tables.js';

/**
 * Bulk inserts without per-row foreign-key triggers, then one set-based check per key (see
 * src/db/foreign-key-checks.ts). For an import, only the rows its batches wrote are checked.
 */
export { canSkipTriggers, setTriggers, foreignKeysOf, type ForeignKey } from '../../db/index.js';

export async function checkForeignKeys(trx: Transaction<Database>, table: ImportTable, laCode: string, batchIds: readonly number[], keyColumns: readonly string[]): Promise<void> {
  // The batches were inserted by this import and the authority checked before it started.
  await checkRows(trx, table, { laCode, batchIds, keyColumns, skipParents: ['import_batch', 'local_authority'] });
}
