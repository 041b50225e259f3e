import { sql, type Kysely, type Transaction } from 'kysely';
import { copyRows, explainDatabaseError, type Database, type TableName } from '../../db/index.js';
import { dataColumns, KEY_COLUMNS, sameValue, TABLE_ORDER, type ImportTable } from './tables.js';
import { canSkipTriggers, checkForeignKeys, setTriggers } from './bulk-checks.js';
import type { MergeState } from './state.js';
import type { SourceRef, TableCounts } from './types.js';

/** Rows per COPY statement (5,000 and 50,000 measured the same on PGlite). */
const COPY_CHUNK = 50_000;

/** Reads an authority's current rows of the given tables, each with the year of its batch. */
export async function readExisting(db: Kysely<Database>, laCode: string, tables: Iterable<ImportTable>, state: MergeState): Promise<void> {
  for (const table of tables) {
    const result = await sql<Record<string, unknown>>`
      SELECT t.*, b.collection_year AS _year
      FROM ${sql.table(table)} t
      LEFT JOIN import_batch b ON b.la_code = t.la_code AND b.batch_id = t.batch_id
      WHERE t.la_code = ${laCode}`.execute(db);
    state.seed(table, result.rows);
  }
}

export interface PlannedRow {
  row: Record<string, unknown>;
  fileIndex: number;
  source: SourceRef;
  /** New to the database (plain COPY), rather than an update (staged upsert). */
  insert: boolean;
}

export interface PlannedChanges {
  upserts: Map<ImportTable, PlannedRow[]>;
  deletes: Map<ImportTable, Record<string, unknown>[]>;
  counts: Partial<Record<ImportTable, TableCounts>>;
}

/** What the merge would change, table by table. */
export function planChanges(state: MergeState): PlannedChanges {
  const upserts: PlannedChanges['upserts'] = new Map();
  const deletes = new Map<ImportTable, Record<string, unknown>[]>();
  const counts: Partial<Record<ImportTable, TableCounts>> = {};
  for (const table of TABLE_ORDER) {
    const entries = state.tables.get(table);
    if (!entries) continue;
    const c: TableCounts = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
    const up: PlannedRow[] = [];
    const del: Record<string, unknown>[] = [];
    for (const entry of entries.values()) {
      if (entry.deleted) {
        if (entry.inDatabase) {
          c.deleted++;
          del.push(entry.row);
        }
      } else if (entry.changed && entry.source && !(entry.original && sameRow(entry.original, entry.row))) {
        if (entry.inDatabase) c.updated++;
        else c.inserted++;
        up.push({ row: entry.row, fileIndex: entry.source.fileIndex, source: entry.source, insert: !entry.inDatabase });
      } else if (entry.source || entry.inDatabase) c.unchanged++;
    }
    if (up.length) upserts.set(table, up);
    if (del.length) deletes.set(table, del);
    if (c.inserted || c.updated || c.deleted || entries.size) counts[table] = c;
  }
  return { upserts, deletes, counts };
}

/**
 * Writes the planned changes inside the caller's transaction: inserts and updates in parent
 * order (COPY into a temporary table, then INSERT ... ON CONFLICT DO UPDATE, the same SQL on
 * PGlite and PostgreSQL), then deletes in child order.
 */
export async function writeChanges(
  trx: Transaction<Database>,
  laCode: string,
  plan: PlannedChanges,
  batchIds: readonly (number | null)[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let total = 0;
  for (const rows of plan.upserts.values()) total += rows.length;
  let done = 0;
  const fast = await canSkipTriggers(trx, [...plan.upserts.keys()]);
  const insertedBatches = [...new Set(batchIds.filter((b): b is number => b !== null))];
  const checkLater: ImportTable[] = [];
  for (const table of TABLE_ORDER) {
    const rows = plan.upserts.get(table);
    if (!rows) continue;
    const columns = ['la_code', ...dataColumns(table), 'batch_id'];
    const keys = ['la_code', ...KEY_COLUMNS[table]];
    const toRow = ({ row, fileIndex }: PlannedRow) => ({ ...row, la_code: laCode, batch_id: batchIds[fileIndex] ?? null });
    const inserts = rows.filter((r) => r.insert).map(toRow);
    const updates = rows.filter((r) => !r.insert).map(toRow);
    try {
      // New rows cannot clash (every row of the authority was read): COPY them straight in.
      if (inserts.length && fast) {
        // Foreign keys are checked set-based after all inserts (see bulk-checks.ts).
        await setTriggers(trx, false);
        await copyRows(trx, table, inserts, { columns, chunkSize: COPY_CHUNK });
        await setTriggers(trx, true);
        checkLater.push(table);
      } else if (inserts.length) await copyRows(trx, table, inserts, { columns, chunkSize: COPY_CHUNK });
      if (updates.length) {
        const stage = `stage_${table}`;
        await sql.raw(`CREATE TEMP TABLE ${stage} (LIKE ${table} INCLUDING DEFAULTS) ON COMMIT DROP`).execute(trx);
        await copyRows(trx, stage as TableName, updates, { columns, chunkSize: 50_000 });
        const set = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
        await sql.raw(
          `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${stage} ` +
            `ON CONFLICT (${keys.join(', ')}) DO ${set.length ? `UPDATE SET ${set.join(', ')}` : 'NOTHING'}`,
        ).execute(trx);
        await sql.raw(`DROP TABLE ${stage}`).execute(trx);
      }
    } catch (error) {
      throw explainDatabaseError(error, table);
    }
    done += rows.length;
    onProgress?.(done, total);
  }
  if (plan.upserts.size) {
    // Fresh planner statistics for every table written (committed with the rows): the foreign-key
    // anti-joins below need them, and so do later queries (PGlite has no autovacuum).
    await sql.raw(`ANALYZE ${[...plan.upserts.keys()].map((t) => `"${t}"`).join(', ')}`).execute(trx);
  }
  for (const table of checkLater) await checkForeignKeys(trx, table, laCode, insertedBatches, KEY_COLUMNS[table]);
  for (const table of [...TABLE_ORDER].reverse()) {
    const rows = plan.deletes.get(table);
    if (!rows) continue;
    const keyColumn = KEY_COLUMNS[table];
    if (keyColumn.length !== 1) throw new Error(`Deleting from ${table} is not supported`);
    const ids = rows.map((r) => String(r[keyColumn[0]!]));
    try {
      await sql`DELETE FROM ${sql.table(table)} WHERE la_code = ${laCode} AND ${sql.ref(keyColumn[0]!)} = ANY(${ids}::text[])`.execute(trx);
    } catch (error) {
      throw explainDatabaseError(error, table);
    }
  }
}

function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key of Object.keys(b)) if (!sameValue(a[key], b[key])) return false;
  return true;
}
