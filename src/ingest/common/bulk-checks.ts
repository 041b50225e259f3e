import { sql, type Transaction } from 'kysely';
import { DatabaseRuleError, type Database } from '../../db/index.js';
import type { ImportTable } from './tables.js';

/**
 * Bulk loading without PostgreSQL's row-by-row foreign-key triggers, and with the same
 * guarantees. A foreign key is checked by a trigger that runs one query per inserted row: for a
 * CIN census of 15,000 children (135,000 rows) that was most of the import's time on PGlite.
 * `pg_restore --disable-triggers` does what we do here: insert with triggers off
 * (`session_replication_role = replica`, for this transaction only), then check every foreign
 * key of the new rows with one set-based query per key. A missing parent throws, and the
 * caller's transaction rolls back, exactly as the trigger would have.
 *
 * Used only when it is safe: the session may set the role (a superuser: PGlite always is; a
 * server role often is not, and then the ordinary path runs) and the table has no triggers of
 * its own (only the internal foreign-key ones), so nothing else is skipped.
 */
export interface ForeignKey {
  name: string;
  columns: string[];
  parent: string;
  parentColumns: string[];
}

export async function canSkipTriggers(trx: Transaction<Database>, tables: readonly ImportTable[]): Promise<boolean> {
  const su = await sql<{ su: string }>`SELECT current_setting('is_superuser') AS su`.execute(trx);
  if (su.rows[0]?.su !== 'on' || tables.length === 0) return false;
  const own = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND c.relname = ANY(${[...tables]}::text[]) AND pg_table_is_visible(c.oid)`.execute(trx);
  return (own.rows[0]?.n ?? 1) === 0;
}

export async function setTriggers(trx: Transaction<Database>, on: boolean): Promise<void> {
  await sql.raw(`SET LOCAL session_replication_role = ${on ? 'origin' : 'replica'}`).execute(trx);
}

const fkCache = new Map<string, ForeignKey[]>();

/** The foreign keys of a table, read from the catalogue (so keys added by later migrations count too). */
export async function foreignKeysOf(trx: Transaction<Database>, table: string): Promise<ForeignKey[]> {
  const cached = fkCache.get(table);
  if (cached) return cached;
  const result = await sql<{ name: string; cols: string; parent: string; refcols: string }>`
    SELECT c.conname AS name, p.relname AS parent,
      (SELECT string_agg(a.attname, ',' ORDER BY k.o) FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
      (SELECT string_agg(a.attname, ',' ORDER BY k.o) FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS refcols
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid
    WHERE c.contype = 'f' AND t.relname = ${table} AND pg_table_is_visible(t.oid)
    ORDER BY c.conname`.execute(trx);
  const keys = result.rows.map((r) => ({ name: r.name, columns: r.cols.split(','), parent: r.parent, parentColumns: r.refcols.split(',') }));
  fkCache.set(table, keys);
  return keys;
}

/**
 * Checks every foreign key of the rows this import wrote to `table` (those carrying its batch
 * ids) with one anti-join per key; throws naming the first rows whose parent is missing.
 */
export async function checkForeignKeys(trx: Transaction<Database>, table: ImportTable, laCode: string, batchIds: readonly number[], keyColumns: readonly string[]): Promise<void> {
  if (batchIds.length === 0) return;
  for (const fk of await foreignKeysOf(trx, table)) {
    // The batches were inserted by this import and the authority checked before it started.
    if (fk.parent === 'import_batch' || fk.parent === 'local_authority') continue;
    const notNull = fk.columns.map((c) => `t.${c} IS NOT NULL`).join(' AND ');
    const join = fk.columns.map((c, i) => `p.${fk.parentColumns[i]} = t.${c}`).join(' AND ');
    const shown = [...new Set([...keyColumns, ...fk.columns.filter((c) => c !== 'la_code')])];
    const missing = await sql<Record<string, unknown>>`
      SELECT ${sql.raw(shown.map((c) => `t.${c}`).join(', '))} FROM ${sql.table(table)} t
      WHERE t.la_code = ${laCode} AND t.batch_id = ANY(${[...batchIds]}::bigint[]) AND ${sql.raw(notNull)}
        AND NOT EXISTS (SELECT 1 FROM ${sql.table(fk.parent)} p WHERE ${sql.raw(join)})
      LIMIT 3`.execute(trx);
    if (missing.rows.length) {
      const rows = missing.rows.map((r) => shown.map((c) => `${c}=${String(r[c])}`).join(' ')).join('; ');
      throw new DatabaseRuleError(`${table}: ${missing.rows.length === 3 ? 'rows refer' : 'a row refers'} to a ${fk.parent} that does not exist (${fk.name}): ${rows}`, '23503', fk.name, table);
    }
  }
}
