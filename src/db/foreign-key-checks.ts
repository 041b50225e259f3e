import { sql, type Transaction } from 'kysely';
import { DatabaseRuleError } from './errors.js';
import type { Database } from './schema.js';

/**
 * Bulk loading without PostgreSQL's row-by-row foreign-key triggers, and with the same
 * guarantees. A foreign key is checked by a trigger that runs one query per inserted row, which
 * is most of a bulk load's time on PGlite. `pg_restore --disable-triggers` does what we do here:
 * insert with triggers off (`session_replication_role = replica`, for this transaction only),
 * then check every foreign key of the new rows with one set-based query per key. A missing
 * parent throws, and the caller's transaction rolls back, exactly as the trigger would have.
 *
 * Used only when it is safe: the session may set the role (a superuser: PGlite always is; a
 * server role often is not, and then the ordinary path runs) and the tables have no triggers of
 * their own that replica mode would skip (internal foreign-key ones are checked here; ENABLE ALWAYS
 * ones, such as migration 0013's data-version triggers, still fire), so nothing else is skipped.
 */
export interface ForeignKey {
  name: string;
  columns: string[];
  parent: string;
  parentColumns: string[];
}

export async function canSkipTriggers(trx: Transaction<Database>, tables: readonly string[]): Promise<boolean> {
  const su = await sql<{ su: string }>`SELECT current_setting('is_superuser') AS su`.execute(trx);
  if (su.rows[0]?.su !== 'on' || tables.length === 0) return false;
  const own = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgenabled = 'O' AND c.relname = ANY(${[...tables]}::text[]) AND pg_table_is_visible(c.oid)`.execute(trx);
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

export interface RowsToCheck {
  laCode: string;
  /** Only rows of these import batches (default: every row of the authority). */
  batchIds?: readonly number[];
  /** Columns that name a row in the error (besides the key's own). */
  keyColumns?: readonly string[];
  /** Parents known to exist (e.g. the authority row checked before the load). */
  skipParents?: readonly string[];
}

/** Checks every foreign key of the chosen rows of `table` with one anti-join per key; throws naming the first rows whose parent is missing. */
export async function checkForeignKeys(trx: Transaction<Database>, table: string, rows: RowsToCheck): Promise<void> {
  if (rows.batchIds && rows.batchIds.length === 0) return;
  for (const fk of await foreignKeysOf(trx, table)) {
    if (rows.skipParents?.includes(fk.parent)) continue;
    const notNull = fk.columns.map((c) => `t.${c} IS NOT NULL`).join(' AND ');
    const join = fk.columns.map((c, i) => `p.${fk.parentColumns[i]} = t.${c}`).join(' AND ');
    const shown = [...new Set([...(rows.keyColumns ?? []), ...fk.columns.filter((c) => c !== 'la_code')])];
    const inBatches = rows.batchIds ? sql`AND t.batch_id = ANY(${[...rows.batchIds]}::bigint[])` : sql``;
    const missing = await sql<Record<string, unknown>>`
      SELECT ${sql.raw(shown.map((c) => `t.${c}`).join(', '))} FROM ${sql.table(table)} t
      WHERE t.la_code = ${rows.laCode} ${inBatches} AND ${sql.raw(notNull)}
        AND NOT EXISTS (SELECT 1 FROM ${sql.table(fk.parent)} p WHERE ${sql.raw(join)})
      LIMIT 3`.execute(trx);
    if (missing.rows.length) {
      const described = missing.rows.map((r) => shown.map((c) => `${c}=${String(r[c])}`).join(' ')).join('; ');
      throw new DatabaseRuleError(`${table}: ${missing.rows.length === 3 ? 'rows refer' : 'a row refers'} to a ${fk.parent} that does not exist (${fk.name}): ${described}`, '23503', fk.name, table);
    }
  }
}
