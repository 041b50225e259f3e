import { sql, type Kysely } from 'kysely';
import { canSkipTriggers, checkForeignKeys, setTriggers, writeRecords, type Database } from '../db/index.js';
import { getAuthority } from '../reference/index.js';
import { simulateAuthority, type SyntheticAuthority, type SynthOptions } from './authority.js';
import { LOAD_ORDER, type TableRows } from './rows.js';

export interface LoadResult {
  laCode: string;
  name: string;
  rowCounts: Record<string, number>;
  authority: SyntheticAuthority;
}

export interface WriteOptions {
  /** Check every row against src/model's record rules first (halves PGlite load speed). */
  validate?: boolean;
  /** Delete the authority's existing records first. */
  replace?: boolean;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/**
 * Simulates an authority and loads it into the database in one transaction (all or nothing).
 * Creates the local_authority row if it is missing; refuses an authority that already holds
 * children, so a demo never mixes with real or earlier data.
 */
export async function loadSyntheticAuthority(db: Kysely<Database>, options: SynthOptions & WriteOptions): Promise<LoadResult> {
  if (!options.replace) await refuseIfHoldsChildren(db, options.laCode);
  const authority = simulateAuthority(options);
  const rowCounts = await writeSyntheticRows(db, options.laCode, authority.name, authority.rows, options);
  return { laCode: options.laCode, name: authority.name, rowCounts, authority };
}

/**
 * Writes rows generated for one authority (by simulateAuthority, here or in a worker thread) in
 * one transaction, table by table in foreign-key order. Returns the row count per table.
 */
export async function writeSyntheticRows(db: Kysely<Database>, laCode: string, name: string, rows: TableRows, options: WriteOptions = {}): Promise<Record<string, number>> {
  const rowCounts: Record<string, number> = {};
  const info = getAuthority(laCode);
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('local_authority').select('la_code').where('la_code', '=', laCode).executeTakeFirst();
    if (existing) {
      const child = await trx.selectFrom('child').select('child_id').where('la_code', '=', laCode).limit(1).executeTakeFirst();
      if (child && !options.replace) throw holdsChildren(laCode);
      if (options.replace) {
        // Children before parents; the authority row itself (and anything else hanging off it) stays.
        for (const table of [...LOAD_ORDER].reverse()) {
          await sql`DELETE FROM ${sql.table(table)} WHERE la_code = ${laCode}`.execute(trx);
        }
      }
    }
    if (!existing) {
      await trx
        .insertInto('local_authority')
        .values({ la_code: laCode, name, region_code: info && info.kind === 'la' ? info.regionCode : null, region_name: null })
        .execute();
    }
    const total = LOAD_ORDER.length;
    let done = 0;
    // Row-by-row foreign-key triggers off while copying, then one set-based check per key
    // (src/db/foreign-key-checks.ts): the same guarantee, several times faster on PGlite.
    const bulk = await canSkipTriggers(trx, LOAD_ORDER);
    if (bulk) await setTriggers(trx, false);
    for (const table of LOAD_ORDER) {
      // Generated rows are checked against the record rules by the tests (consistency.test.ts), and
      // validation halves load speed on PGlite, so it is off unless asked for.
      rowCounts[table] = await writeRecords(trx, table, rows[table] ?? [], { validate: options.validate ?? false });
      options.onProgress?.(`load ${table}`, ++done, total);
    }
    if (bulk) {
      await setTriggers(trx, true);
      // Statistics first, or the planner (which has none for fresh rows) picks nested loops for the anti-joins.
      await sql.raw(`ANALYZE ${LOAD_ORDER.filter((t) => rowCounts[t]).map((t) => `"${t}"`).join(', ')}`).execute(trx);
      for (const table of LOAD_ORDER) if (rowCounts[table]) await checkForeignKeys(trx, table, { laCode, skipParents: ['local_authority'] });
    }
  });
  return rowCounts;
}

function holdsChildren(laCode: string): Error {
  return new Error(`Authority ${laCode} already holds child records; use --replace to delete them and generate again.`);
}

/** Throws when the authority already holds children (checked before any simulation work). */
export async function refuseIfHoldsChildren(db: Kysely<Database>, laCode: string): Promise<void> {
  const child = await db.selectFrom('child').select('child_id').where('la_code', '=', laCode).limit(1).executeTakeFirst();
  if (child) throw holdsChildren(laCode);
}
